package org.slmhub.index;

import java.util.Arrays;
import java.util.Optional;

/**
 * The numeric properties of a model, indexed for range queries ({@code params:[100M TO 1B]}) and
 * sorts. Dates are seconds since the epoch, from the catalog's Git history.
 */
public enum ModelNumber {
    PARAMS("params"),
    CONTEXT("context"),
    /** The smallest artifact in bytes: what must fit on the disk or in memory. */
    SIZE("size"),
    ADDED("added"),
    UPDATED("updated");

    private final String field;

    ModelNumber(String field) {
        this.field = field;
    }

    public String field() {
        return field;
    }

    public static Optional<ModelNumber> byField(String field) {
        return Arrays.stream(values()).filter(n -> n.field.equals(field)).findFirst();
    }
}
