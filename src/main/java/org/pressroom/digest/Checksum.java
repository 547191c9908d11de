package org.pressroom.digest;

import java.nio.ByteBuffer;
import java.util.zip.CRC32;
import java.util.zip.CRC32C;

/**
 * A 128-bit checksum for telling whether content changed between builds: CRC-32C and CRC-32 (two
 * different polynomials, so 64 bits of check) and the length. Not a cryptographic hash: nobody gains
 * by making two inputs collide (whoever could forge one writes the content anyway), and an accidental
 * collision of both CRCs at the same length has a chance of 2^-64. Both CRCs are computed by CPU
 * instructions in every JIT tier, where SHA-256 is 6 times slower and MD5 3 times without the
 * optimizing compiler (the launcher runs builds with C1 only): with SHA-256 for page fingerprints a
 * clean build of 5,000 pairs took 19.1 CPU seconds instead of 17.0. Not thread-safe.
 */
public final class Checksum {
    private final CRC32C c = new CRC32C();
    private final CRC32 d = new CRC32();
    private long length;

    public void update(byte[] b, int off, int len) {
        c.update(b, off, len);
        d.update(b, off, len);
        length += len;
    }

    /** The 16 bytes of the checksum of what was added. */
    public byte[] finish() {
        return ByteBuffer.allocate(16).putInt((int) c.getValue()).putInt((int) d.getValue()).putLong(length).array();
    }

    /** The checksum of {@code bytes}. */
    public static byte[] of(byte[] bytes) {
        Checksum s = new Checksum();
        s.update(bytes, 0, bytes.length);
        return s.finish();
    }
}
