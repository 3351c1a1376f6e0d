package org.slmhub.gguf;

import java.util.Optional;

/**
 * ggml tensor types as stored in a GGUF tensor table (codes from ggml.h {@code enum ggml_type};
 * block and byte sizes from gguf-py's {@code GGML_QUANT_SIZES}). Codes 4, 5 and 31 to 33 were
 * removed upstream and are deliberately absent.
 */
public enum GgmlType {
    F32(0, 1, 4), F16(1, 1, 2), Q4_0(2, 32, 18), Q4_1(3, 32, 20), Q5_0(6, 32, 22), Q5_1(7, 32, 24),
    Q8_0(8, 32, 34), Q8_1(9, 32, 36), Q2_K(10, 256, 84), Q3_K(11, 256, 110), Q4_K(12, 256, 144),
    Q5_K(13, 256, 176), Q6_K(14, 256, 210), Q8_K(15, 256, 292), IQ2_XXS(16, 256, 66),
    IQ2_XS(17, 256, 74), IQ3_XXS(18, 256, 98), IQ1_S(19, 256, 50), IQ4_NL(20, 32, 18),
    IQ3_S(21, 256, 110), IQ2_S(22, 256, 82), IQ4_XS(23, 256, 136), I8(24, 1, 1), I16(25, 1, 2),
    I32(26, 1, 4), I64(27, 1, 8), F64(28, 1, 8), IQ1_M(29, 256, 56), BF16(30, 1, 2),
    TQ1_0(34, 256, 54), TQ2_0(35, 256, 66), MXFP4(39, 32, 17);

    private static final GgmlType[] BY_CODE = new GgmlType[40];

    static {
        for (GgmlType type : values()) {
            BY_CODE[type.code] = type;
        }
    }

    private final int code;
    private final int blockSize;
    private final int blockBytes;

    GgmlType(int code, int blockSize, int blockBytes) {
        this.code = code;
        this.blockSize = blockSize;
        this.blockBytes = blockBytes;
    }

    public int code() {
        return code;
    }

    /** Values per block; the first dimension of a tensor must be a multiple of it. */
    public int blockSize() {
        return blockSize;
    }

    /** Bytes one block takes in the file. */
    public int blockBytes() {
        return blockBytes;
    }

    /** Bytes of data for a tensor of {@code elementCount} values; throws ArithmeticException on overflow. */
    long dataBytes(long elementCount) {
        return Math.multiplyExact(elementCount / blockSize, (long) blockBytes);
    }

    /** The type for a stored code; unknown (newer or removed) codes give empty. */
    public static Optional<GgmlType> ofCode(int code) {
        return code >= 0 && code < BY_CODE.length ? Optional.ofNullable(BY_CODE[code]) : Optional.empty();
    }
}
