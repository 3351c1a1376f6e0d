package org.slmhub.index;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * The exact-value properties of a model: each is a filter (an exact, case-insensitive term) and a
 * facet (counted per result set). The field name is also the one Lucene query syntax uses
 * ({@code license:mit}) and, with two dashes, the search command's option.
 */
public enum ModelFacet {
    LICENSE("license", false),
    TASK("task", false),
    ARCH("arch", false),
    FORMAT("format", true),
    QUANT("quant", true),
    LANG("lang", true),
    PUBLISHER("publisher", true), // the publisher's display name and its id slug
    TAG("tag", true),
    SMOKE("smoke", false);

    private final String field;
    private final boolean multiValued;

    ModelFacet(String field, boolean multiValued) {
        this.field = field;
        this.multiValued = multiValued;
    }

    /** The index field and facet dimension. */
    public String field() {
        return field;
    }

    boolean multiValued() {
        return multiValued;
    }

    public static Optional<ModelFacet> byField(String field) {
        return Arrays.stream(values()).filter(f -> f.field.equals(field)).findFirst();
    }

    /** Filter terms are lower case, so {@code --license mit} finds {@code MIT}. */
    static String term(String value) {
        return value.trim().toLowerCase(Locale.ROOT);
    }
}
