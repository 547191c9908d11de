package org.pressroom.digest;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class ChecksumTest {
    @Test
    void isBothCrcsOfTheStandardCheckInputAndItsLength() {
        // the check values of CRC-32C and CRC-32 for "123456789", as their specifications give them
        assertEquals("e3069283" + "cbf43926" + "0000000000000009",
                HexFormat.of().formatHex(Checksum.of("123456789".getBytes(StandardCharsets.US_ASCII))));
    }

    @Test
    void givesTheSameSumInOnePieceOrInSeveral() {
        byte[] text = "한미 외교장관회담 결과 보도자료".getBytes(StandardCharsets.UTF_8);
        Checksum pieces = new Checksum();
        pieces.update(text, 0, 5);
        pieces.update(text, 5, text.length - 5);
        assertArrayEquals(Checksum.of(text), pieces.finish());
    }

    @Test
    void tellsApartInputsThatDifferInOneByteOrInLength() {
        byte[] a = "North Korea".getBytes(StandardCharsets.UTF_8);
        byte[] b = a.clone();
        b[0] = 'n';
        assertFalse(Arrays.equals(Checksum.of(a), Checksum.of(b)));
        assertFalse(Arrays.equals(Checksum.of(new byte[0]), Checksum.of(new byte[1])), "zeros differ by their length");
    }
}
