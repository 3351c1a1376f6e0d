package org.slmhub.onnx;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/** Protocol Buffers wire format written by hand, for ONNX files in tests and hostile bytes. */
public final class ProtoBytes {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    public ProtoBytes varint(long value) {
        long v = value;
        while ((v & ~0x7FL) != 0) {
            out.write((int) (v & 0x7F) | 0x80);
            v >>>= 7;
        }
        out.write((int) v);
        return this;
    }

    public ProtoBytes key(int field, int wireType) {
        return varint(((long) field << 3) | wireType);
    }

    public ProtoBytes varintField(int field, long value) {
        return key(field, 0).varint(value);
    }

    public ProtoBytes bytesField(int field, byte[] bytes) {
        key(field, 2).varint(bytes.length);
        return raw(bytes);
    }

    public ProtoBytes stringField(int field, String text) {
        return bytesField(field, text.getBytes(StandardCharsets.UTF_8));
    }

    public ProtoBytes messageField(int field, ProtoBytes message) {
        return bytesField(field, message.toByteArray());
    }

    public ProtoBytes fixed32Field(int field, int value) {
        key(field, 5);
        for (int i = 0; i < 4; i++) {
            out.write(value >>> (8 * i));
        }
        return this;
    }

    public ProtoBytes fixed64Field(int field, long value) {
        key(field, 1);
        for (int i = 0; i < 8; i++) {
            out.write((int) (value >>> (8 * i)));
        }
        return this;
    }

    public ProtoBytes raw(byte[] bytes) {
        out.writeBytes(bytes);
        return this;
    }

    public int size() {
        return out.size();
    }

    public byte[] toByteArray() {
        return out.toByteArray();
    }
}
