package org.slmhub.gguf;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** Builds GGUF bytes field by field, so tests can write valid files and precisely broken ones. */
public final class LittleEndianBytes {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    public LittleEndianBytes u8(int value) {
        out.write(value);
        return this;
    }

    public LittleEndianBytes u16(int value) {
        return u8(value).u8(value >>> 8);
    }

    public LittleEndianBytes u32(long value) {
        return u16((int) value).u16((int) (value >>> 16));
    }

    public LittleEndianBytes u64(long value) {
        return u32(value).u32(value >>> 32);
    }

    /** A GGUF string: uint64 byte length, then UTF-8 bytes. */
    public LittleEndianBytes str(String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        return u64(bytes.length).raw(bytes);
    }

    public LittleEndianBytes raw(byte[] bytes) {
        out.writeBytes(bytes);
        return this;
    }

    public LittleEndianBytes ascii(String text) {
        return raw(text.getBytes(StandardCharsets.US_ASCII));
    }

    public LittleEndianBytes zeros(int count) {
        return raw(new byte[count]);
    }

    /** The start of a GGUF file: magic, version and the two counts. */
    public LittleEndianBytes header(int version, long tensorCount, long metadataCount) {
        return ascii("GGUF").u32(version).u64(tensorCount).u64(metadataCount);
    }

    /** One metadata value of the given type; arrays are given as {@link GgufArray}. */
    public LittleEndianBytes value(GgufType type, Object value) {
        switch (type) {
            case UINT8, INT8 -> u8(((Number) value).intValue());
            case UINT16, INT16 -> u16(((Number) value).intValue());
            case UINT32, INT32 -> u32(((Number) value).longValue());
            case FLOAT32 -> u32(Float.floatToIntBits(((Number) value).floatValue()));
            case BOOL -> u8((Boolean) value ? 1 : 0);
            case STRING -> str((String) value);
            case ARRAY -> array((GgufArray) value);
            case UINT64, INT64 -> u64(((Number) value).longValue());
            case FLOAT64 -> u64(Double.doubleToLongBits(((Number) value).doubleValue()));
        }
        return this;
    }

    private void array(GgufArray array) {
        u32(array.elementType().code()).u64(array.length());
        List<Object> elements = array.elements();
        for (Object element : elements) {
            value(array.elementType(), element);
        }
    }

    public int size() {
        return out.size();
    }

    public byte[] toByteArray() {
        return out.toByteArray();
    }
}
