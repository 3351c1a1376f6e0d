package org.slmhub.index;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.Map;

/**
 * What an index records about itself in its commit user data: the manifest schema and index
 * format it was written with, the catalog commit, the build time and the model count.
 *
 * @param catalogCommit null when the catalog was not in Git
 * @param builtAt       null when the index does not say (an index from elsewhere)
 */
public record IndexInfo(int schema, int format, String catalogCommit, Instant builtAt, int models) {
    /** The manifest schema version this slmhub reads (manifests say {@code schema: 1}). */
    public static final int SCHEMA = 1;
    /** Bumped whenever fields or analysis change in a way older indexes cannot answer correctly. */
    public static final int FORMAT = 1;

    static final String SCHEMA_KEY = "slmhub.schema";
    static final String FORMAT_KEY = "slmhub.index.format";
    static final String COMMIT_KEY = "slmhub.catalog.commit";
    static final String BUILT_KEY = "slmhub.built";
    static final String MODELS_KEY = "slmhub.models";

    public boolean compatible() {
        return schema == SCHEMA && format == FORMAT;
    }

    Map<String, String> toUserData() {
        Map<String, String> data = new HashMap<>();
        data.put(SCHEMA_KEY, Integer.toString(schema));
        data.put(FORMAT_KEY, Integer.toString(format));
        if (catalogCommit != null) {
            data.put(COMMIT_KEY, catalogCommit);
        }
        if (builtAt != null) {
            data.put(BUILT_KEY, builtAt.toString());
        }
        data.put(MODELS_KEY, Integer.toString(models));
        return data;
    }

    /** Missing or unreadable values read as 0 (or null), which makes the index incompatible, not unreadable. */
    static IndexInfo fromUserData(Map<String, String> data) {
        return new IndexInfo(number(data.get(SCHEMA_KEY)), number(data.get(FORMAT_KEY)), data.get(COMMIT_KEY),
                instant(data.get(BUILT_KEY)), number(data.get(MODELS_KEY)));
    }

    private static int number(String s) {
        try {
            return s == null ? 0 : Integer.parseInt(s);
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static Instant instant(String s) {
        try {
            return s == null ? null : Instant.parse(s);
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
