package org.pressroom.content;

/**
 * A source file as read from disk.
 *
 * @param path  relative to the source directory, {@code /}-separated, NFC
 * @param size  its size in bytes
 * @param bytes its content, or null when it was too large to read
 */
public record RawFile(String path, long size, byte[] bytes) {
}
