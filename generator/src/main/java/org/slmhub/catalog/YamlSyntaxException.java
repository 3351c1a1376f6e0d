package org.slmhub.catalog;

/**
 * A manifest that cannot be read as one YAML mapping: not a plain file, not UTF-8, not well-formed
 * YAML, or not a single mapping, with where it went wrong.
 */
public final class YamlSyntaxException extends Exception {
    /** What kind of problem, so that each is reported under its own rule. */
    public enum Kind {
        /** Not well-formed YAML, not UTF-8, or not a single mapping. */
        SYNTAX,
        /** A key that appears twice in one mapping. */
        DUPLICATE_KEY,
        /** The path is a link, a folder or a device rather than a plain file, and was not read. */
        NOT_A_FILE
    }

    private final SourcePosition position;
    private final Kind kind;

    public YamlSyntaxException(String message, SourcePosition position, Kind kind) {
        super(message);
        this.position = position;
        this.kind = kind;
    }

    public YamlSyntaxException(String message, SourcePosition position, boolean duplicateKey) {
        this(message, position, duplicateKey ? Kind.DUPLICATE_KEY : Kind.SYNTAX);
    }

    public SourcePosition position() {
        return position;
    }

    public Kind kind() {
        return kind;
    }

    public boolean duplicateKey() {
        return kind == Kind.DUPLICATE_KEY;
    }
}
