package org.slmhub.gguf;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;

/**
 * Little-endian reads from a file through one reusable buffer. Every read is checked against
 * the file size before anything is read or allocated, so a damaged header ends in a
 * {@link GgufFormatException}, never in a huge allocation or an underflow.
 */
final class GgufInput {
    /** One string may be a long chat template, never more than this. */
    static final long MAX_STRING_BYTES = 16L << 20;
    private static final int BUFFER_SIZE = 1 << 16;

    private final FileChannel channel;
    private final long fileSize;
    private final ByteBuffer buffer = ByteBuffer.allocate(BUFFER_SIZE).order(ByteOrder.LITTLE_ENDIAN);
    /** File offset of buffer index 0. */
    private long bufferStart;

    GgufInput(FileChannel channel, long fileSize) {
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

    int u8() throws GgufFormatException {
        require(1);
        return Byte.toUnsignedInt(buffer.get());
    }

    short i16() throws GgufFormatException {
        require(2);
        return buffer.getShort();
    }

    int i32() throws GgufFormatException {
        require(4);
        return buffer.getInt();
    }

    long i64() throws GgufFormatException {
        require(8);
        return buffer.getLong();
    }

    float f32() throws GgufFormatException {
        require(4);
        return buffer.getFloat();
    }

    double f64() throws GgufFormatException {
        require(8);
        return buffer.getDouble();
    }

    /** Reads a GGUF string (uint64 length, then UTF-8 bytes); {@code what} names it in errors. */
    String string(String what) throws GgufFormatException {
        int length = stringLength(what);
        if (length > BUFFER_SIZE) {
            return new String(largeBytes(length), StandardCharsets.UTF_8);
        }
        require(length);
        String text = new String(buffer.array(), buffer.position(), length, StandardCharsets.UTF_8);
        buffer.position(buffer.position() + length);
        return text;
    }

    /** Skips a GGUF string with the same checks as {@link #string}, without decoding it. */
    void skipString(String what) throws GgufFormatException {
        skip(stringLength(what));
    }

    void skip(long count) throws GgufFormatException {
        long at = position();
        if (count < 0 || count > fileSize - at) {
            throw GgufFormatException.truncated(count, at, fileSize);
        }
        if (count <= buffer.remaining()) {
            buffer.position(buffer.position() + (int) count);
        } else {
            bufferStart = at + count;
            buffer.position(0).limit(0);
        }
    }

    /**
     * Reads a string length. A length over the limit that the rest of the file cannot hold is
     * damage; a plausible one is left to the read itself, which reports a cut-off file as truncated.
     */
    private int stringLength(String what) throws GgufFormatException {
        long at = position();
        long length = i64();
        if (length >= 0 && length <= MAX_STRING_BYTES) {
            return (int) length;
        }
        if (length < 0 || length > fileSize - position()) {
            throw new GgufFormatException(what + " at offset " + at + ": string length "
                    + Long.toUnsignedString(length) + " exceeds the file size of " + fileSize + " bytes", at);
        }
        throw new GgufFormatException(what + " at offset " + at + ": string length " + length
                + " exceeds the 16 MiB limit for one string", at);
    }

    /** Makes {@code count} (at most the buffer size) bytes available, refilling from the file. */
    private void require(int count) throws GgufFormatException {
        if (buffer.remaining() >= count) {
            return;
        }
        long at = position();
        if (count > fileSize - at) {
            throw GgufFormatException.truncated(count, at, fileSize);
        }
        buffer.compact();
        bufferStart = at;
        try {
            while (buffer.position() < count) {
                if (channel.read(buffer, bufferStart + buffer.position()) < 0) {
                    throw GgufFormatException.truncated(count, at, bufferStart + buffer.position());
                }
            }
        } catch (IOException e) {
            throw new GgufFormatException("cannot read at offset " + at + ": " + e, at, e);
        } finally {
            buffer.flip();
        }
    }

    /** Reads a string longer than the buffer straight from the file; its length is already checked. */
    private byte[] largeBytes(int length) throws GgufFormatException {
        long at = position();
        if (length > fileSize - at) {
            throw GgufFormatException.truncated(length, at, fileSize);
        }
        byte[] bytes = new byte[length];
        int buffered = buffer.remaining();
        buffer.get(bytes, 0, buffered);
        ByteBuffer rest = ByteBuffer.wrap(bytes, buffered, length - buffered);
        try {
            while (rest.hasRemaining()) {
                if (channel.read(rest, at + rest.position()) < 0) {
                    throw GgufFormatException.truncated(length, at, at + rest.position());
                }
            }
        } catch (IOException e) {
            throw new GgufFormatException("cannot read at offset " + at + ": " + e, at, e);
        }
        bufferStart = at + length;
        buffer.position(0).limit(0);
        return bytes;
    }
}
