package org.slmhub.site;

import java.io.Writer;
import java.nio.charset.StandardCharsets;

/**
 * Text that Freemarker or Jackson writes, kept in memory until it is encoded as UTF-8 in one go.
 * They write in thousands of small pieces; {@link java.io.BufferedWriter} and
 * {@link java.io.StringWriter} take a lock for each and a file writer encodes each piece, while
 * a {@link StringBuilder} of Latin-1 text copies bytes.
 */
final class TextBuffer extends Writer {
    private final StringBuilder text;

    TextBuffer(int capacity) {
        text = new StringBuilder(capacity);
    }

    @Override
    public void write(char[] chars, int offset, int length) {
        text.append(chars, offset, length);
    }

    @Override
    public void write(String s, int offset, int length) {
        text.append(s, offset, offset + length);
    }

    @Override
    public void write(String s) {
        text.append(s);
    }

    @Override
    public void write(int c) {
        text.append((char) c);
    }

    @Override
    public Writer append(CharSequence s) {
        text.append(s);
        return this;
    }

    @Override
    public void flush() {
    }

    @Override
    public void close() {
    }

    byte[] utf8() {
        return text.toString().getBytes(StandardCharsets.UTF_8);
    }
}
