package org.pressroom.build;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** Fingerprints tell views apart whatever their maps' order, and the same in every run. */
class FingerprintTest {
    record View(String title, Map<String, Object> params, List<String> items) {
    }

    @Test
    void givesEqualViewsEqualFingerprintsWhateverTheOrderOfTheirMaps() {
        Map<String, Object> a = new LinkedHashMap<>();
        a.put("x", 1);
        a.put("y", "두");
        Map<String, Object> b = new TreeMap<>(java.util.Comparator.reverseOrder());
        b.putAll(a);
        assertArrayEquals(Fingerprint.of("k", new View("제목", a, List.of("1", "2"))),
                Fingerprint.of("k", new View("제목", b, List.of("1", "2"))));
    }

    @Test
    void tellsApartViewsThatDifferAnywhere() {
        Map<String, Object> p = Map.of("x", 1);
        Set<String> seen = new HashSet<>();
        for (Object[] v : List.of(new Object[] {"k", new View("제목", p, List.of("1", "2"))},
                new Object[] {"k2", new View("제목", p, List.of("1", "2"))},
                new Object[] {"k", new View("제목.", p, List.of("1", "2"))},
                new Object[] {"k", new View("제목", Map.of("x", 2), List.of("1", "2"))},
                new Object[] {"k", new View("제목", p, List.of("12"))},
                new Object[] {"k", new View("제목", p, List.of("1", "2", ""))},
                new Object[] {"k", new View(null, p, List.of("1", "2"))})) {
            byte[] f = Fingerprint.of((String) v[0], v[1]);
            assertEquals(16, f.length);
            seen.add(Arrays.toString(f));
        }
        assertEquals(7, seen.size(), "seven different views, seven fingerprints");
    }

    @Test
    void sumsBytesWithTwoChecksumsAndTheLength() {
        byte[] text = "보도자료 본문".getBytes(StandardCharsets.UTF_8);
        byte[] sum = Fingerprint.ofBytes(text);
        assertArrayEquals(sum, Fingerprint.ofBytes(text.clone()));
        assertEquals(text.length, java.nio.ByteBuffer.wrap(sum).getLong(8));
        byte[] changed = text.clone();
        changed[3] ^= 1;
        assertFalse(Arrays.equals(sum, Fingerprint.ofBytes(changed)));
        // the two checksums are of different polynomials: equal CRC-32C does not make equal sums
        java.util.zip.CRC32C c = new java.util.zip.CRC32C();
        c.update(text);
        java.util.zip.CRC32 d = new java.util.zip.CRC32();
        d.update(text);
        assertEquals((int) c.getValue(), java.nio.ByteBuffer.wrap(sum).getInt(0));
        assertEquals((int) d.getValue(), java.nio.ByteBuffer.wrap(sum).getInt(4));
    }
}
