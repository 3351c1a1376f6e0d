package org.slmhub.site;

import java.util.Locale;

/** URL path segments from labels: "Apache-2.0" → "apache-2.0", "Llama 3.2 Community" → "llama-3.2-community". */
final class Slugs {
    private Slugs() {
    }

    static String of(String label) {
        String slug = label.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9.]+", "-").replaceAll("^[-.]+|[-.]+$", "");
        return slug.isEmpty() ? "x" : slug; // never empty, never . or .. (a path segment)
    }
}
