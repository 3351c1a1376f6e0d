package org.slmhub.onnx;

/**
 * An ONNX file that cannot be read: not protobuf, cut off, holding lengths past the file or its
 * enclosing message, or counts no real model has. The message is one line and names the byte
 * offset where reading stopped, so a validator can show it as is.
 */
public final class OnnxFormatException extends Exception {
    private static final long serialVersionUID = 1L;
    private static final int QUOTED_TEXT_LIMIT = 80;

    private final long offset;

    public OnnxFormatException(String message, long offset) {
        super(message);
        this.offset = offset;
    }

    OnnxFormatException(String message, long offset, Throwable cause) {
        super(message, cause);
        this.offset = offset;
    }

    /** Byte offset in the file where the problem was found. */
    public long offset() {
        return offset;
    }

    /** The same problem, with the message part being read when it happened appended. */
    OnnxFormatException within(String context) {
        return new OnnxFormatException(getMessage() + " (in " + context + ")", offset, getCause());
    }

    /** Quotes a name from the file for a message: only its start, control characters escaped. */
    static String quote(String text) {
        StringBuilder out = new StringBuilder("'");
        int end = Math.min(text.length(), QUOTED_TEXT_LIMIT);
        for (int i = 0; i < end; i++) {
            char c = text.charAt(i);
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
