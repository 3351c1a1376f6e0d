package org.slmhub.smoke;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.slmhub.gguf.GgmlType;
import org.slmhub.gguf.GgufType;

/**
 * Writes a GGUF v3 file whose tensors are all F32 and hold real float values, so llama.cpp can
 * run it. The gguf package's test writer fills tensors with byte patterns, which parse but do
 * not compute; this one fills each tensor with a constant or seeded pseudo-random floats.
 */
final class F32GgufWriter {
    private static final int ALIGNMENT = 32;

    /** One tensor: dims innermost first (ggml's ne[0] first); every value {@code scale}, or noise within ±scale. */
    private record Tensor(String name, long[] dims, float scale, boolean constant) {
        long elements() {
            long n = 1;
            for (long dim : dims) {
                n *= dim;
            }
            return n;
        }
    }

    private final ByteArrayOutputStream metadata = new ByteArrayOutputStream();
    private final List<Tensor> tensors = new ArrayList<>();
    private int metadataCount;

    F32GgufWriter string(String key, String value) {
        return entry(key, GgufType.STRING).str(metadata, value);
    }

    F32GgufWriter uint32(String key, long value) {
        entry(key, GgufType.UINT32);
        metadata.writeBytes(le(4).putInt((int) value).array());
        return this;
    }

    F32GgufWriter float32(String key, float value) {
        entry(key, GgufType.FLOAT32);
        metadata.writeBytes(le(4).putFloat(value).array());
        return this;
    }

    F32GgufWriter strings(String key, List<String> values) {
        arrayHeader(key, GgufType.STRING, values.size());
        values.forEach(value -> str(metadata, value));
        return this;
    }

    F32GgufWriter floats(String key, List<Float> values) {
        arrayHeader(key, GgufType.FLOAT32, values.size());
        values.forEach(value -> metadata.writeBytes(le(4).putFloat(value).array()));
        return this;
    }

    F32GgufWriter ints(String key, List<Integer> values) {
        arrayHeader(key, GgufType.INT32, values.size());
        values.forEach(value -> metadata.writeBytes(le(4).putInt(value).array()));
        return this;
    }

    /** A tensor of uniform pseudo-random values in [-scale, scale]. */
    F32GgufWriter random(String name, float scale, long... dims) {
        tensors.add(new Tensor(name, dims, scale, false));
        return this;
    }

    /** A tensor whose every value is {@code value}: norm weights must be 1, not noise. */
    F32GgufWriter constant(String name, float value, long... dims) {
        tensors.add(new Tensor(name, dims, value, true));
        return this;
    }

    /** Writes the file; {@code seed} fixes the random tensors, so the same call writes the same bytes. */
    Path write(Path file, long seed) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes("GGUF".getBytes(StandardCharsets.US_ASCII));
        out.writeBytes(le(20).putInt(3).putLong(tensors.size()).putLong(metadataCount).array());
        out.writeBytes(metadata.toByteArray());
        long offset = 0;
        for (Tensor tensor : tensors) {
            str(out, tensor.name());
            ByteBuffer info = le(4 + 8 * tensor.dims().length + 4 + 8).putInt(tensor.dims().length);
            for (long dim : tensor.dims()) {
                info.putLong(dim);
            }
            out.writeBytes(info.putInt(GgmlType.F32.code()).putLong(offset).array());
            offset = alignUp(offset + tensor.elements() * 4);
        }
        pad(out);
        Random random = new Random(seed);
        for (Tensor tensor : tensors) {
            ByteBuffer data = le((int) tensor.elements() * 4);
            for (long i = 0; i < tensor.elements(); i++) {
                data.putFloat(tensor.constant() ? tensor.scale() : (random.nextFloat() * 2 - 1) * tensor.scale());
            }
            out.writeBytes(data.array());
            pad(out);
        }
        return Files.write(file, out.toByteArray());
    }

    private F32GgufWriter entry(String key, GgufType type) {
        str(metadata, key);
        metadata.writeBytes(le(4).putInt(type.code()).array());
        metadataCount++;
        return this;
    }

    private void arrayHeader(String key, GgufType elementType, int length) {
        entry(key, GgufType.ARRAY);
        metadata.writeBytes(le(12).putInt(elementType.code()).putLong(length).array());
    }

    private F32GgufWriter str(ByteArrayOutputStream out, String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        out.writeBytes(le(8).putLong(bytes.length).array());
        out.writeBytes(bytes);
        return this;
    }

    private static void pad(ByteArrayOutputStream out) {
        out.writeBytes(new byte[(int) (alignUp(out.size()) - out.size())]);
    }

    private static long alignUp(long offset) {
        return (offset + ALIGNMENT - 1) / ALIGNMENT * ALIGNMENT;
    }

    private static ByteBuffer le(int size) {
        return ByteBuffer.allocate(size).order(ByteOrder.LITTLE_ENDIAN);
    }
}
