package org.slmhub.site;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** The site's way of showing numbers: catalog-wide units, plus dates and the size bands of the search filter. */
final class HumanUnits {
    private static final DateTimeFormatter DAY = DateTimeFormatter.ISO_LOCAL_DATE.withZone(ZoneOffset.UTC);

    private HumanUnits() {
    }

    static String params(long count) {
        return org.slmhub.catalog.HumanUnits.formatCount(count);
    }

    static String bytes(long bytes) {
        return org.slmhub.catalog.HumanUnits.formatBytes(bytes);
    }

    static String tokens(long count) {
        return org.slmhub.catalog.HumanUnits.formatContext(count);
    }

    /** 1,234,567: digits grouped by thousands (String.format took a noticeable share of planning 10,000 pages). */
    static String grouped(long n) {
        String digits = Long.toString(Math.abs(n));
        StringBuilder b = new StringBuilder(digits.length() + digits.length() / 3 + 1);
        if (n < 0) {
            b.append('-');
        }
        for (int i = 0; i < digits.length(); i++) {
            if (i > 0 && (digits.length() - i) % 3 == 0) {
                b.append(',');
            }
            b.append(digits.charAt(i));
        }
        return b.toString();
    }

    /** A number as 15 digits with leading zeros, so text order is number order (Pagefind sorts text). */
    static String sortKey(long n) {
        String digits = Long.toString(Math.max(0, n));
        return digits.length() >= 15 ? digits : "0".repeat(15 - digits.length()) + digits;
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
}
