package org.slmhub.gguf;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Writes small, valid GGUF files for tests: metadata, a tensor table, padding and tensor data. */
public final class GgufWriter {
    private record Tensor(String name, GgmlType type, long[] dims) {
    }

    private final int version;
    private final LittleEndianBytes metadata = new LittleEndianBytes();
    private final List<Tensor> tensors = new ArrayList<>();
    private int metadataCount;
    private long alignment = DataAlignment.DEFAULT;

    public GgufWriter(int version) {
        this.version = version;
    }

    public GgufWriter put(String key, GgufType type, Object value) {
        metadata.str(key).u32(type.code()).value(type, value);
        metadataCount++;
        return this;
    }

    public GgufWriter put(String key, String value) {
        return put(key, GgufType.STRING, value);
    }

    public GgufWriter array(String key, GgufType elementType, List<?> elements) {
        return put(key, GgufType.ARRAY, new GgufArray(elementType, elements.size(), List.copyOf(elements)));
    }

    /** Adds general.alignment as a metadata entry and pads the data section to it. */
    public GgufWriter alignment(int value) {
        alignment = value;
        return put(DataAlignment.KEY, GgufType.UINT32, value);
    }

    public GgufWriter tensor(String name, GgmlType type, long... dims) {
        tensors.add(new Tensor(name, type, dims));
        return this;
    }

    public byte[] bytes() {
        LittleEndianBytes out = new LittleEndianBytes().header(version, tensors.size(), metadataCount);
        out.raw(metadata.toByteArray());
        long offset = 0;
        for (Tensor tensor : tensors) {
            out.str(tensor.name()).u32(tensor.dims().length);
            for (long dim : tensor.dims()) {
                out.u64(dim);
            }
            out.u32(tensor.type().code()).u64(offset);
            offset = alignUp(offset + dataBytes(tensor), alignment);
        }
        out.zeros((int) (alignUp(out.size(), alignment) - out.size()));
        for (int i = 0; i < tensors.size(); i++) {
            long bytes = dataBytes(tensors.get(i));
            for (long b = 0; b < bytes; b++) {
                out.u8((int) (b * 7 + i));
            }
            if (i < tensors.size() - 1) {
                out.zeros((int) (alignUp(bytes, alignment) - bytes));
            }
        }
        return out.toByteArray();
    }

    public Path write(Path file) throws IOException {
        return Files.write(file, bytes());
    }

    /** Data size from the block sizes in ggml's type table, written out here to check the reader's. */
    static long dataBytes(Tensor tensor) {
        long elements = 1;
        for (long dim : tensor.dims()) {
            elements *= dim;
        }
        return switch (tensor.type()) {
            case F32 -> elements * 4;
            case F16, BF16 -> elements * 2;
            case Q8_0 -> elements / 32 * 34;
            case Q4_0 -> elements / 32 * 18;
            case Q4_K -> elements / 256 * 144;
            case Q6_K -> elements / 256 * 210;
            default -> throw new IllegalArgumentException("GgufWriter cannot size " + tensor.type());
        };
    }

    private static long alignUp(long offset, long alignment) {
        return (offset + alignment - 1) / alignment * alignment;
    }
}
