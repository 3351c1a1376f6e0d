package org.slmhub.gguf;

import java.util.Optional;

/** The metadata value types of GGUF, with the type code the file stores before each value. */
public enum GgufType {
    UINT8(0, 1),
    INT8(1, 1),
    UINT16(2, 2),
    INT16(3, 2),
    UINT32(4, 4),
    INT32(5, 4),
    FLOAT32(6, 4),
    BOOL(7, 1),
    STRING(8, 0),
    ARRAY(9, 0),
    UINT64(10, 8),
    INT64(11, 8),
    FLOAT64(12, 8);

    private static final GgufType[] BY_CODE = values();

    private final int code;
    private final int fixedSize;

    GgufType(int code, int fixedSize) {
        this.code = code;
        this.fixedSize = fixedSize;
    }

    /** The type code as stored in the file. */
    public int code() {
        return code;
    }

    /** Encoded size in bytes, or 0 for STRING and ARRAY, whose size depends on their content. */
    public int fixedSize() {
        return fixedSize;
    }

    /**
     * The fewest bytes one value of this type can take: a string needs its 8-byte length, an
     * array its 4-byte element type and 8-byte count. Used to reject counts the file cannot hold.
     */
    int minimumSize() {
        return switch (this) {
            case STRING -> 8;
            case ARRAY -> 12;
            default -> fixedSize;
        };
    }

    /** The type for a stored code; codes are unsigned, so a negative int is an unknown code. */
    public static Optional<GgufType> ofCode(int code) {
        return code >= 0 && code < BY_CODE.length ? Optional.of(BY_CODE[code]) : Optional.empty();
    }
}
