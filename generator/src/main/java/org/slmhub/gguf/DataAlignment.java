package org.slmhub.gguf;

import java.util.Map;

/**
 * {@code general.alignment}: tensor data starts, and every tensor's data offset falls, on a
 * multiple of it. GGUF's default is 32.
 */
final class DataAlignment {
    static final String KEY = "general.alignment";
    static final long DEFAULT = 32;
    /** No real file aligns beyond a page or two; a larger value is damage, not a choice. */
    private static final long MAX = 1 << 20;

    private DataAlignment() {
    }

    /** Checks the alignment entry when {@code key} is it; other entries pass untouched. */
    static void check(String key, Object value, long valueAt) throws GgufFormatException {
        if (!KEY.equals(key)) {
            return;
        }
        long alignment = value instanceof Integer || value instanceof Long ? ((Number) value).longValue() : -1;
        if (alignment <= 0 || alignment > MAX || Long.bitCount(alignment) != 1) {
            throw new GgufFormatException(KEY + " at offset " + valueAt + " is " + value
                    + "; it must be a power of two from 1 to " + MAX, valueAt);
        }
    }

    /** The alignment of a file whose metadata already passed {@link #check}. */
    static long of(Map<String, Object> metadata) {
        return metadata.get(KEY) instanceof Number alignment ? alignment.longValue() : DEFAULT;
    }

    static long alignUp(long offset, long alignment) {
        return (offset + alignment - 1) / alignment * alignment;
    }
}
