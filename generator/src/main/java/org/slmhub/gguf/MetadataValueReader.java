package org.slmhub.gguf;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads metadata values. Memory stays bounded whatever the file says: long arrays are skipped
 * (only their length is kept), and there are budgets for kept array elements and kept text.
 */
final class MetadataValueReader {
    /** Arrays up to this length keep their elements; longer ones keep only their length. */
    static final int KEPT_ARRAY_LIMIT = 4096;
    /** An array of arrays is allowed (depth 2); deeper nesting is not something models use. */
    static final int MAX_ARRAY_DEPTH = 2;
    /**
     * Longer than any vocabulary or merge list. A longer array that the rest of the file cannot
     * hold is damage; a shorter one is read until the file ends, which reports it as truncated.
     */
    private static final long PLAUSIBLE_ARRAY_LENGTH = 1 << 24;
    private static final long KEPT_ELEMENT_BUDGET = 1 << 20;
    private static final long KEPT_TEXT_BUDGET = 64L << 20;

    private final GgufInput in;
    private long keptElements;
    private long keptTextBytes;

    MetadataValueReader(GgufInput in) {
        this.in = in;
    }

    /** Reads a value type code and checks that it is one GGUF defines. */
    GgufType type(String what) throws GgufFormatException {
        long at = in.position();
        int code = in.i32();
        return GgufType.ofCode(code).orElseThrow(() -> new GgufFormatException(
                "unknown " + what + " " + Integer.toUnsignedString(code) + " at offset " + at
                        + "; GGUF defines types 0 to 12", at));
    }

    /** A string that stays in memory, counted against the text budget. */
    String keptString(String what) throws GgufFormatException {
        long at = in.position();
        String text = in.string(what);
        keptTextBytes += text.length();
        if (keptTextBytes > KEPT_TEXT_BUDGET) {
            throw new GgufFormatException("metadata text at offset " + at
                    + " exceeds the 64 MiB slmhub keeps for one header", at);
        }
        return text;
    }

    /**
     * Reads one value as UINT8..INT32 to Integer, UINT32/INT64/UINT64 to Long (UINT64 above
     * 2^63-1 wraps negative), FLOAT32 to Float, FLOAT64 to Double, BOOL to Boolean, STRING to
     * String and ARRAY to {@link GgufArray}.
     */
    Object read(GgufType type) throws GgufFormatException {
        return read(type, 0);
    }

    private Object read(GgufType type, int depth) throws GgufFormatException {
        return switch (type) {
            case UINT8 -> in.u8();
            case INT8 -> (int) (byte) in.u8();
            case UINT16 -> Short.toUnsignedInt(in.i16());
            case INT16 -> (int) in.i16();
            case UINT32 -> Integer.toUnsignedLong(in.i32());
            case INT32 -> in.i32();
            case FLOAT32 -> in.f32();
            case BOOL -> in.u8() != 0;
            case STRING -> keptString(depth == 0 ? "string value" : "array element");
            case ARRAY -> array(depth + 1, true);
            case UINT64, INT64 -> in.i64();
            case FLOAT64 -> in.f64();
        };
    }

    private GgufArray array(int depth, boolean keepWanted) throws GgufFormatException {
        long at = in.position();
        GgufType elementType = type("array element type");
        if (elementType == GgufType.ARRAY && depth >= MAX_ARRAY_DEPTH) {
            throw new GgufFormatException("array at offset " + at + " nests arrays deeper than "
                    + MAX_ARRAY_DEPTH + " levels", at);
        }
        long lengthAt = in.position();
        long length = in.i64();
        boolean fits = length >= 0 && length <= (in.size() - in.position()) / elementType.minimumSize();
        if (length < 0 || (length > PLAUSIBLE_ARRAY_LENGTH && !fits)) {
            throw new GgufFormatException("array at offset " + lengthAt + ": array length "
                    + Long.toUnsignedString(length) + " exceeds the file size of " + in.size() + " bytes",
                    lengthAt);
        }
        boolean keep = keepWanted && length <= KEPT_ARRAY_LIMIT
                && keptElements + length <= KEPT_ELEMENT_BUDGET;
        if (!keep) {
            skipElements(elementType, length, depth);
            return new GgufArray(elementType, length, List.of());
        }
        keptElements += length;
        List<Object> elements = new ArrayList<>((int) length);
        for (long i = 0; i < length; i++) {
            elements.add(read(elementType, depth));
        }
        return new GgufArray(elementType, length, elements);
    }

    private void skipElements(GgufType elementType, long length, int depth) throws GgufFormatException {
        if (elementType.fixedSize() > 0) {
            // length <= file size / element size, so this product cannot overflow
            in.skip(length * elementType.fixedSize());
            return;
        }
        for (long i = 0; i < length; i++) {
            if (elementType == GgufType.STRING) {
                in.skipString("array element");
            } else {
                array(depth + 1, false);
            }
        }
    }
}
