package org.slmhub.site;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Numbers as a reader scans them: 490M parameters, 1.2 GiB, 2025-03-01. */
final class HumanUnits {
    private static final String[] BYTE_UNITS = {"B", "KiB", "MiB", "GiB", "TiB"};
    private static final DateTimeFormatter DAY = DateTimeFormatter.ISO_LOCAL_DATE.withZone(ZoneOffset.UTC);

    private HumanUnits() {
    }

    static String params(long count) {
        if (count >= 1_000_000_000L) {
            return scaled(count / 1e9, "B");
        }
        if (count >= 1_000_000L) {
            return scaled(count / 1e6, "M");
        }
        return count >= 1_000L ? scaled(count / 1e3, "K") : Long.toString(count);
    }

    static String bytes(long bytes) {
        double value = bytes;
        int unit = 0;
        while (value >= 1024 && unit < BYTE_UNITS.length - 1) {
            value /= 1024;
            unit++;
        }
        return unit == 0 ? bytes + " B" : String.format(Locale.ROOT, value < 10 ? "%.1f %s" : "%.0f %s", value, BYTE_UNITS[unit]);
    }

    /** Context lengths are powers of two more often than not: 32768 reads best as 32K. */
    static String tokens(long count) {
        return count >= 1024 && count % 1024 == 0 ? count / 1024 + "K" : Long.toString(count);
    }

    static String day(Instant when) {
        return when == null ? "" : DAY.format(when);
    }

    /** The Pagefind size band filter: coarse buckets people choose between. */
    static String sizeBand(long params) {
        if (params < 100_000_000L) {
            return "under 100M";
        }
        if (params < 1_000_000_000L) {
            return "100M-1B";
        }
        return params < 3_000_000_000L ? "1B-3B" : "3B and up";
    }

    private static String scaled(double value, String unit) {
        String text = String.format(Locale.ROOT, value < 10 ? "%.1f" : "%.0f", value);
        return (text.endsWith(".0") ? text.substring(0, text.length() - 2) : text) + unit;
    }
}
