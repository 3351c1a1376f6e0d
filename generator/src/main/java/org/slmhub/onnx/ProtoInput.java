package org.slmhub.onnx;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;

/**
 * Protocol Buffers wire format read from a file through one reusable buffer. Every read names the
 * end of its enclosing message and is checked against it before anything is read or allocated;
 * payloads the reader does not need (weights) are skipped by moving the position, never read.
 */
final class ProtoInput {
    static final int VARINT = 0;
    static final int FIXED64 = 1;
    static final int LENGTH_DELIMITED = 2;
    static final int FIXED32 = 5;
    /** A 64-bit value takes at most ten 7-bit groups. */
    private static final int MAX_VARINT_BYTES = 10;
    /** Field numbers are 29 bits. */
    private static final long MAX_FIELD_NUMBER = (1L << 29) - 1;
    private static final int BUFFER_SIZE = 1 << 16;

    /** One field's key: its number, wire type and where the key starts. */
    record Key(int number, int wireType, long at) {
    }

    private final FileChannel channel;
    private final long fileSize;
    private final ByteBuffer buffer = ByteBuffer.allocate(BUFFER_SIZE);
    /** File offset of buffer index 0. */
    private long bufferStart;

    ProtoInput(FileChannel channel, long fileSize) {
        this.channel = channel;
        this.fileSize = fileSize;
        buffer.limit(0);
    }

    long position() {
        return bufferStart + buffer.position();
    }

    long size() {
        return fileSize;
    }

    /** Reads a field key inside a message that ends at {@code end}. */
    Key key(long end) throws OnnxFormatException {
        long at = position();
        long key = varint(end, "field key");
        long number = key >>> 3;
        int wireType = (int) (key & 7);
        if (number == 0 || number > MAX_FIELD_NUMBER) {
            throw new OnnxFormatException("invalid field number " + Long.toUnsignedString(number) + " at offset " + at, at);
        }
        if (wireType == 3 || wireType == 4) {
            throw new OnnxFormatException("field " + number + " at offset " + at
                    + " uses the group wire type " + wireType + ", which ONNX does not use", at);
        }
        if (wireType > FIXED32) {
            throw new OnnxFormatException("invalid wire type " + wireType + " of field " + number + " at offset " + at, at);
        }
        return new Key((int) number, wireType, at);
    }

    /** A base-128 varint of at most ten bytes, all before {@code end}. */
    long varint(long end, String what) throws OnnxFormatException {
        long at = position();
        long value = 0;
        for (int i = 0; i < MAX_VARINT_BYTES; i++) {
            if (position() >= end) {
                throw pastEnd(what + " (a varint) at offset " + at, end);
            }
            int b = u8();
            value |= (long) (b & 0x7F) << (7 * i);
            if ((b & 0x80) == 0) {
                return value;
            }
        }
        throw new OnnxFormatException(what + " at offset " + at + ": varint longer than 10 bytes", at);
    }

    /**
     * Reads the length of a length-delimited field and returns where its payload ends, checked to
     * lie inside the enclosing message (which itself lies inside the file).
     */
    long payloadEnd(long end, String what) throws OnnxFormatException {
        long at = position();
        long length = varint(end, what + " length");
        if (length < 0 || length > end - position()) {
            throw new OnnxFormatException(what + " at offset " + at + ": length " + Long.toUnsignedString(length)
                    + " runs past the end of its " + (end == fileSize ? "file" : "enclosing message") + " at " + end, at);
        }
        return position() + length;
    }

    /** Skips a field's value without reading a payload. */
    void skip(Key key, long end) throws OnnxFormatException {
        switch (key.wireType()) {
            case VARINT -> varint(end, "field " + key.number());
            case FIXED64 -> seek(key, 8, end);
            case FIXED32 -> seek(key, 4, end);
            default -> moveTo(payloadEnd(end, "field " + key.number()));
        }
    }

    /** UTF-8 text from the position to {@code to} (already checked); malformed bytes become U+FFFD. */
    String utf8(long to) throws OnnxFormatException {
        int length = (int) (to - position());
        byte[] bytes = new byte[length];
        int filled = Math.min(buffer.remaining(), length);
        buffer.get(bytes, 0, filled);
        if (filled < length) {
            ByteBuffer rest = ByteBuffer.wrap(bytes, filled, length - filled);
            long at = position();
            try {
                while (rest.hasRemaining()) {
                    if (channel.read(rest, at + rest.position() - filled) < 0) {
                        throw new OnnxFormatException("file ends at " + (at + rest.position() - filled)
                                + " while reading text at offset " + at, at);
                    }
                }
            } catch (IOException e) {
                throw new OnnxFormatException("cannot read at offset " + at + ": " + e, at, e);
            }
            bufferStart = to;
            buffer.position(0).limit(0);
        }
        return new String(bytes, StandardCharsets.UTF_8);
    }

    /** Moves to {@code to}, which lies between the position and the end of the file. */
    void moveTo(long to) {
        long count = to - position();
        if (count <= buffer.remaining()) {
            buffer.position(buffer.position() + (int) count);
        } else {
            bufferStart = to;
            buffer.position(0).limit(0);
        }
    }

    private void seek(Key key, int bytes, long end) throws OnnxFormatException {
        if (bytes > end - position()) {
            throw pastEnd("field " + key.number() + " (" + bytes + " bytes) at offset " + position(), end);
        }
        moveTo(position() + bytes);
    }

    private OnnxFormatException pastEnd(String what, long end) {
        long at = position();
        return new OnnxFormatException(what + " runs past the end of its "
                + (end == fileSize ? "file" : "enclosing message") + " at " + end, at);
    }

    private int u8() throws OnnxFormatException {
        if (!buffer.hasRemaining()) {
            fill();
        }
        return Byte.toUnsignedInt(buffer.get());
    }

    /** Refills the buffer at the position; callers have checked that a byte is left in the file. */
    private void fill() throws OnnxFormatException {
        long at = position();
        bufferStart = at;
        buffer.clear();
        buffer.limit((int) Math.min(BUFFER_SIZE, fileSize - at));
        try {
            while (buffer.hasRemaining()) {
                if (channel.read(buffer, bufferStart + buffer.position()) < 0) {
                    // the file shrank while being read
                    throw new OnnxFormatException("file ends at " + (bufferStart + buffer.position())
                            + " while reading at offset " + at, at);
                }
            }
        } catch (IOException e) {
            throw new OnnxFormatException("cannot read at offset " + at + ": " + e, at, e);
        } finally {
            buffer.flip();
        }
    }
}
