package org.slmhub.validate;

/** Errors fail validation; warnings are printed and do not. */
public enum Severity {
    ERROR, WARNING;

    public String label() {
        return this == ERROR ? "error" : "warning";
    }
}
