package org.slmhub.gguf;

import java.util.Arrays;

/**
 * One entry of the tensor table: where a tensor's data sits and what shape and type it has.
 *
 * @param name     tensor name, e.g. {@code blk.0.attn_q.weight}
 * @param dims     dimensions, innermost first as ggml stores them (at most 4, each at least 1)
 * @param ggmlType ggml type code, see {@link GgmlType}
 * @param offset   start of the tensor's data, counted from {@link GgufFile#dataOffset()}
 */
public record TensorInfo(String name, long[] dims, int ggmlType, long offset) {

    public TensorInfo {
        dims = dims.clone();
    }

    /** A copy: records expose their components, and an array would let callers change this one. */
    @Override
    public long[] dims() {
        return dims.clone();
    }

    public int dimensionCount() {
        return dims.length;
    }

    /** Number of values: the product of the dimensions (1 for a tensor without dimensions). */
    public long elementCount() {
        long count = 1;
        for (long dim : dims) {
            count = Math.multiplyExact(count, dim);
        }
        return count;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof TensorInfo that && name.equals(that.name) && Arrays.equals(dims, that.dims)
                && ggmlType == that.ggmlType && offset == that.offset;
    }

    @Override
    public int hashCode() {
        return 31 * (31 * (31 * name.hashCode() + Arrays.hashCode(dims)) + ggmlType) + Long.hashCode(offset);
    }

    @Override
    public String toString() {
        return "TensorInfo[" + name + " " + Arrays.toString(dims) + " type " + ggmlType + " at +" + offset + "]";
    }
}
