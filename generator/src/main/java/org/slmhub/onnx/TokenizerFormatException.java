package org.slmhub.onnx;

/** A file that is not a Hugging Face tokenizer.json; the message is one line and names the offset. */
public final class TokenizerFormatException extends Exception {
    private static final long serialVersionUID = 1L;

    private final long offset;

    public TokenizerFormatException(String message, long offset) {
        super(message);
        this.offset = offset;
    }

    /** Byte offset in the file where the problem was found. */
    public long offset() {
        return offset;
    }
}
