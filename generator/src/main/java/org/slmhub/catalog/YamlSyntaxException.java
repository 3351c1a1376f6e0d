package org.slmhub.catalog;

/** A manifest that is not well-formed YAML, or not a single mapping, with where it went wrong. */
public final class YamlSyntaxException extends Exception {
    private final SourcePosition position;
    private final boolean duplicateKey;

    public YamlSyntaxException(String message, SourcePosition position, boolean duplicateKey) {
        super(message);
        this.position = position;
        this.duplicateKey = duplicateKey;
    }

    public SourcePosition position() {
        return position;
    }

    public boolean duplicateKey() {
        return duplicateKey;
    }
}
