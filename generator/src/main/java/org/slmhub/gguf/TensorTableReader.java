package org.slmhub.gguf;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Reads the tensor table and checks what ggml itself would refuse: more than 4 dimensions, a
 * zero dimension, element counts that overflow, misaligned data and data beyond the end of file.
 */
final class TensorTableReader {
    private static final int MAX_DIMS = 4;
    /** ggml keeps names in a 64-byte field; this is generous and still bounds memory. */
    private static final int MAX_NAME_BYTES = 256;
    /** Keeps data start + offset from overflowing; whether the data is really there is checked later. */
    private static final long MAX_DATA_OFFSET = 1L << 62;

    private final GgufInput in;
    private final long alignment;

    TensorTableReader(GgufInput in, long alignment) {
        this.in = in;
        this.alignment = alignment;
    }

    List<TensorInfo> read(long count) throws GgufFormatException {
        List<TensorInfo> tensors = new ArrayList<>((int) Math.min(count, 1024));
        Set<String> names = new HashSet<>();
        long totalElements = 0;
        for (long i = 1; i <= count; i++) {
            String name = null;
            try {
                long nameAt = in.position();
                name = in.string("tensor name");
                if (name.length() > MAX_NAME_BYTES) {
                    throw new GgufFormatException("tensor name at offset " + nameAt + " is longer than "
                            + MAX_NAME_BYTES + " characters", nameAt);
                }
                if (!names.add(name)) {
                    throw new GgufFormatException("duplicate tensor name at offset " + nameAt, nameAt);
                }
                TensorInfo tensor = readEntry(name);
                totalElements = Math.addExact(totalElements, tensor.elementCount());
                tensors.add(tensor);
            } catch (ArithmeticException e) {
                throw new GgufFormatException("total element count overflows 64 bits at offset " + in.position(),
                        in.position()).within(context(i, count, name));
            } catch (GgufFormatException e) {
                throw e.within(context(i, count, name));
            }
        }
        return tensors;
    }

    /** Checks that every tensor's data lies inside the file; returns where the data starts. */
    long checkDataFits(List<TensorInfo> tensors) throws GgufFormatException {
        long dataOffset = DataAlignment.alignUp(in.position(), alignment);
        if (tensors.isEmpty()) {
            return dataOffset;
        }
        if (dataOffset > in.size()) {
            throw new GgufFormatException("truncated file: tensor data should start at offset " + dataOffset
                    + " after alignment padding, file ends at " + in.size(), in.size());
        }
        long dataSize = in.size() - dataOffset;
        for (int i = 0; i < tensors.size(); i++) {
            TensorInfo tensor = tensors.get(i);
            // readEntry checked that this size neither leaves a partial block nor overflows
            long bytes = GgmlType.ofCode(tensor.ggmlType()).map(t -> t.dataBytes(tensor.elementCount())).orElse(0L);
            if (bytes > dataSize || tensor.offset() > dataSize - bytes) {
                long at = dataOffset + tensor.offset();
                throw GgufFormatException.truncated(bytes, at, in.size())
                        .within(context(i + 1, tensors.size(), tensor.name()));
            }
        }
        return dataOffset;
    }

    private TensorInfo readEntry(String name) throws GgufFormatException {
        long dimsAt = in.position();
        int dimCount = in.i32();
        if (dimCount < 0 || dimCount > MAX_DIMS) {
            throw new GgufFormatException(Integer.toUnsignedString(dimCount) + " dimensions at offset " + dimsAt
                    + "; GGUF allows at most " + MAX_DIMS, dimsAt);
        }
        long[] dims = new long[dimCount];
        long elements = 1;
        for (int d = 0; d < dimCount; d++) {
            long dimAt = in.position();
            dims[d] = in.i64();
            if (dims[d] <= 0) {
                throw new GgufFormatException("dimension " + d + " at offset " + dimAt + " is "
                        + Long.toUnsignedString(dims[d]) + "; it must be from 1 to 2^63-1", dimAt);
            }
            if (elements > Long.MAX_VALUE / dims[d]) {
                throw new GgufFormatException("dimension " + d + " at offset " + dimAt + ": element count "
                        + elements + " x " + dims[d] + " overflows 64 bits", dimAt);
            }
            elements *= dims[d];
        }
        long typeAt = in.position();
        int ggmlType = in.i32();
        long offsetAt = in.position();
        long offset = in.i64();
        if (offset < 0 || offset > MAX_DATA_OFFSET) {
            throw new GgufFormatException("data offset " + Long.toUnsignedString(offset) + " at offset " + offsetAt
                    + " exceeds 2^62", offsetAt);
        }
        if (offset % alignment != 0) {
            throw new GgufFormatException("data offset " + offset + " at offset " + offsetAt
                    + " is not a multiple of the alignment " + alignment, offsetAt);
        }
        GgmlType type = GgmlType.ofCode(ggmlType).orElse(null);
        long rowLength = dimCount == 0 ? 1 : dims[0];
        if (type != null && rowLength % type.blockSize() != 0) {
            throw new GgufFormatException("tensor type " + type + " at offset " + typeAt + " needs dimension 0 to be"
                    + " a multiple of " + type.blockSize() + ", found " + rowLength, typeAt);
        }
        if (type != null && elements / type.blockSize() > Long.MAX_VALUE / type.blockBytes()) {
            throw new GgufFormatException(elements + " values of type " + type + " at offset " + typeAt
                    + " need more than 2^63 bytes", typeAt);
        }
        return new TensorInfo(name, dims, ggmlType, offset);
    }

    private static String context(long index, long count, String name) {
        String entry = "tensor " + index + " of " + count;
        return name == null ? entry : entry + ", " + GgufFormatException.quote(name);
    }
}
