package org.slmhub.gguf;

/**
 * A GGUF file that cannot be read: wrong magic or version, truncated, or holding counts and
 * lengths no real model has. The message is one line and names the byte offset where reading
 * stopped, so a validator can show it as is.
 */
public final class GgufFormatException extends Exception {
    private static final long serialVersionUID = 1L;
    private static final int QUOTED_TEXT_LIMIT = 80;

    private final long offset;

    public GgufFormatException(String message, long offset) {
        super(message);
        this.offset = offset;
    }

    GgufFormatException(String message, long offset, Throwable cause) {
        super(message, cause);
        this.offset = offset;
    }

    /** Byte offset in the file where the problem was found. */
    public long offset() {
        return offset;
    }

    /** The same problem, with the entry being read when it happened appended to the message. */
    GgufFormatException within(String context) {
        return new GgufFormatException(getMessage() + " (in " + context + ")", offset, getCause());
    }

    static GgufFormatException truncated(long needed, long offset, long fileSize) {
        return new GgufFormatException("truncated file: needed " + Long.toUnsignedString(needed)
                + " bytes at offset " + offset + ", file ends at " + fileSize, offset);
    }

    /**
     * Quotes text taken from the file for a message: keys and tensor names in a damaged file can
     * be megabytes of garbage, so only the start is shown and control characters are escaped.
     */
    static String quote(String text) {
        StringBuilder out = new StringBuilder("'");
        int end = Math.min(text.length(), QUOTED_TEXT_LIMIT);
        for (int i = 0; i < end; i++) {
            char c = text.charAt(i);
            // line and paragraph separators and lone surrogates too: one finding stays one line (as for ONNX)
            if (Character.isISOControl(c) || Character.isSurrogate(c) || c == '\u2028' || c == '\u2029') {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        if (end < text.length()) {
            out.append("...");
        }
        return out.append('\'').toString();
    }
}
