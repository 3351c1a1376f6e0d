package org.slmhub.catalog;

/** A 1-based line and column in a source file, counted from the top of the file. */
public record SourcePosition(int line, int column) {
    public static final SourcePosition START = new SourcePosition(1, 1);

    @Override
    public String toString() {
        return line + ":" + column;
    }
}
