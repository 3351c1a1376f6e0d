package org.slmhub.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class HumanUnitsTest {
    @Test
    void countsInThousandsMillionsAndBillions() {
        assertEquals(135_000_000, HumanUnits.parseCount("135M"));
        assertEquals(1_500_000_000, HumanUnits.parseCount("1.5B"));
        assertEquals(270_000, HumanUnits.parseCount("270k"));
        assertEquals(32_768, HumanUnits.parseCount("32768"));
        assertEquals(500_000_000, HumanUnits.parseCount("0.5b"));
        assertEquals("expected a count such as 270K, 135M or 1.5B, got `1.5X`",
                assertThrows(IllegalArgumentException.class, () -> HumanUnits.parseCount("1.5X")).getMessage());
        assertThrows(IllegalArgumentException.class, () -> HumanUnits.parseCount("-3M"));
        assertThrows(IllegalArgumentException.class, () -> HumanUnits.parseCount(""));
    }

    @Test
    void sizesInDecimalAndBinaryUnits() {
        assertEquals(4_000_000_000L, HumanUnits.parseBytes("4GB"));
        assertEquals(4L << 30, HumanUnits.parseBytes("4GiB"));
        assertEquals(800_000_000, HumanUnits.parseBytes("800 MB"));
        assertEquals(1_500_000_000, HumanUnits.parseBytes("1.5g"));
        assertEquals(512L << 20, HumanUnits.parseBytes("512MiB"));
        assertEquals(1024, HumanUnits.parseBytes("1024"));
        assertEquals("expected a size such as 800MB, 4GB or 2GiB (KB/MB/GB/TB are powers of 1000, KiB/MiB/GiB/TiB of 1024), got `4 gigs`",
                assertThrows(IllegalArgumentException.class, () -> HumanUnits.parseBytes("4 gigs")).getMessage());
        assertEquals("`99999999TB` is too large", assertThrows(IllegalArgumentException.class, () -> HumanUnits.parseBytes("99999999TB")).getMessage());
    }

    @Test
    void formatsAsModelCardsDo() {
        assertEquals("293K", HumanUnits.formatCount(292_800));
        assertEquals("490M", HumanUnits.formatCount(490_000_000));
        assertEquals("1.2B", HumanUnits.formatCount(1_235_814_432));
        assertEquals("2B", HumanUnits.formatCount(2_000_000_000));
        assertEquals("1M", HumanUnits.formatCount(999_600));
        assertEquals("512", HumanUnits.formatCount(512));
        assertEquals("32K", HumanUnits.formatContext(32_768));
        assertEquals("128K", HumanUnits.formatContext(131_072));
        assertEquals("1000", HumanUnits.formatContext(1000));
    }
}
