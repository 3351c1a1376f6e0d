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
