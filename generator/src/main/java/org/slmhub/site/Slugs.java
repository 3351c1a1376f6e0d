package org.slmhub.site;

import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/** URL path segments from labels: "Apache-2.0" → "apache-2.0", "Llama 3.2 Community" → "llama-3.2-community". */
final class Slugs {
    private static final Pattern RUNS = Pattern.compile("[^a-z0-9.]+");
    private static final Pattern ENDS = Pattern.compile("^[-.]+|[-.]+$");
    /** A plan asks for the same few labels (licenses, tasks, publishers) tens of thousands of times. */
    private static final Map<String, String> MADE = new ConcurrentHashMap<>();

    private Slugs() {
    }

    static String of(String label) {
        return MADE.computeIfAbsent(label, Slugs::make);
    }

    private static String make(String label) {
        String slug = ENDS.matcher(RUNS.matcher(label.toLowerCase(Locale.ROOT)).replaceAll("-")).replaceAll("");
        return slug.isEmpty() ? "x" : slug; // never empty, never . or .. (a path segment)
    }
}
