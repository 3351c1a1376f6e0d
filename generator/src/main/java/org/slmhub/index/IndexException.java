package org.slmhub.index;

/**
 * An index could not be written, found, opened, fetched or queried as asked. The message is one
 * line that says what to do (for a missing or outdated index: the command that builds it).
 */
public final class IndexException extends Exception {
    public enum Kind {
        /** No index where one was expected. */
        MISSING,
        /** An index of another format, schema or Lucene version. */
        INCOMPATIBLE,
        /** Query text that Lucene's syntax cannot parse, or that names an unknown field. */
        QUERY,
        /** An archive that could not be had, verified or unpacked. */
        ARCHIVE,
        /** Anything else: a folder that cannot be written, a bad report file. */
        OTHER
    }

    private final Kind kind;

    public IndexException(Kind kind, String message) {
        super(message);
        this.kind = kind;
    }

    public IndexException(Kind kind, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }

    static IndexException missing(String where) {
        return new IndexException(Kind.MISSING, "no search index at " + where + "; build it with `slmhub index --out " + where + "`");
    }

    static IndexException incompatible(String where, String why) {
        return new IndexException(Kind.INCOMPATIBLE, "the search index at " + where + " " + why
                + "; rebuild it with `slmhub index --out " + where + "`");
    }
}
