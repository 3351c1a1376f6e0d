package org.slmhub.catalog;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Counts and sizes as people write them: {@code 135M}, {@code 1.5B}, {@code 270K} parameters;
 * {@code 4GB}, {@code 512MiB}, {@code 2G} bytes. K, M, G and T (and B for billion in counts) are
 * powers of 1000; KiB, MiB, GiB and TiB powers of 1024.
 */
public final class HumanUnits {
    private static final Pattern NUMBER = Pattern.compile("(\\d+(?:\\.\\d+)?|\\.\\d+)\\s*([a-z]*)");
    private static final Map<String, Long> COUNT_UNITS = Map.of("", 1L, "k", 1_000L, "m", 1_000_000L, "b", 1_000_000_000L,
            "g", 1_000_000_000L, "t", 1_000_000_000_000L);
    private static final Map<String, Long> BYTE_UNITS = Map.ofEntries(
            Map.entry("", 1L), Map.entry("b", 1L),
            Map.entry("k", 1_000L), Map.entry("kb", 1_000L), Map.entry("kib", 1L << 10),
            Map.entry("m", 1_000_000L), Map.entry("mb", 1_000_000L), Map.entry("mib", 1L << 20),
            Map.entry("g", 1_000_000_000L), Map.entry("gb", 1_000_000_000L), Map.entry("gib", 1L << 30),
            Map.entry("t", 1_000_000_000_000L), Map.entry("tb", 1_000_000_000_000L), Map.entry("tib", 1L << 40));

    private HumanUnits() {
    }

    /** A count such as 135M or 1.5B; the message of the exception names what is accepted. */
    public static long parseCount(String text) {
        return parse(text, COUNT_UNITS, "a count such as 270K, 135M or 1.5B");
    }

    /** A size in bytes such as 4GB, 512MiB or 1.5G. */
    public static long parseBytes(String text) {
        return parse(text, BYTE_UNITS, "a size such as 800MB, 4GB or 2GiB (KB/MB/GB/TB are powers of 1000, KiB/MiB/GiB/TiB of 1024)");
    }

    private static long parse(String text, Map<String, Long> units, String expected) {
        Matcher m = NUMBER.matcher(text == null ? "" : text.trim().toLowerCase(Locale.ROOT));
        Long unit = m.matches() ? units.get(m.group(2)) : null;
        if (unit == null) {
            throw new IllegalArgumentException("expected " + expected + ", got `" + text + "`");
        }
        BigDecimal value = new BigDecimal(m.group(1)).multiply(BigDecimal.valueOf(unit));
        if (value.compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) > 0) {
            throw new IllegalArgumentException("`" + text + "` is too large");
        }
        return value.setScale(0, RoundingMode.HALF_UP).longValueExact();
    }

    /** 292800 → 293K, 490000000 → 490M, 1235814432 → 1.2B: three significant figures at most. */
    public static String formatCount(long n) {
        String[] suffixes = {"", "K", "M", "B", "T"};
        double value = n;
        int i = 0;
        while (Math.abs(value) >= 999.5 && i < suffixes.length - 1) {
            value /= 1000;
            i++;
        }
        if (i == 0) {
            return Long.toString(n);
        }
        return (value >= 9.95 ? String.format(Locale.ROOT, "%.0f", value) : String.format(Locale.ROOT, "%.1f", value).replace(".0", "")) + suffixes[i];
    }

    private static final String[] BINARY_UNITS = {"B", "KiB", "MiB", "GiB", "TiB"};

    /** Byte counts as people read them: 1.2 GiB, 340 MiB, 12 KiB. */
    public static String formatBytes(long bytes) {
        double value = bytes;
        int unit = 0;
        while (value >= 1024 && unit < BINARY_UNITS.length - 1) {
            value /= 1024;
            unit++;
        }
        return unit == 0 ? bytes + " B" : String.format(Locale.ROOT, value < 10 ? "%.1f %s" : "%.0f %s", value, BINARY_UNITS[unit]);
    }

    /** Context lengths as model cards write them: 32768 → 32K, 131072 → 128K, 1000 → 1000. */
    public static String formatContext(long n) {
        return n >= 1024 && n % 1024 == 0 ? (n / 1024) + "K" : Long.toString(n);
    }
}
