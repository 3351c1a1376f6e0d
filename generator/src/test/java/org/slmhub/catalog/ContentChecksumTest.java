package org.slmhub.catalog;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ContentChecksumTest {
    @Test
    void equalBytesGiveEqualChecksumsAndOneChangedByteAnother() {
        byte[] manifest = "schema: 1\nid: acme/tiny\nlicense: MIT\n".getBytes(StandardCharsets.UTF_8);
        assertArrayEquals(ContentChecksum.of(manifest), ContentChecksum.of(manifest.clone()));
        assertEquals(ContentChecksum.BYTES, ContentChecksum.of(manifest).length);
        Set<String> seen = new HashSet<>();
        seen.add(ContentChecksum.hex(ContentChecksum.of(manifest)));
        for (int i = 0; i < manifest.length; i++) {
            byte[] changed = manifest.clone();
            changed[i] ^= 1;
            assertFalse(Arrays.equals(ContentChecksum.of(manifest), ContentChecksum.of(changed)), "byte " + i);
            seen.add(ContentChecksum.hex(ContentChecksum.of(changed)));
        }
        assertEquals(manifest.length + 1, seen.size());
    }

    @Test
    void theLengthIsPartOfTheChecksumAndARangeIsItsOwnBytes() {
        byte[] zeros = new byte[8];
        assertFalse(Arrays.equals(ContentChecksum.of(zeros), ContentChecksum.of(new byte[9])));
        assertEquals("00000008", ContentChecksum.hex(ContentChecksum.of(zeros)).substring(0, 8));
        byte[] padded = "xxabcxx".getBytes(StandardCharsets.UTF_8);
        assertArrayEquals(ContentChecksum.of("abc".getBytes(StandardCharsets.UTF_8)), ContentChecksum.of(padded, 2, 3));
    }
}
