package org.slmhub.validate;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import org.slmhub.gguf.GgmlType;
import org.slmhub.gguf.GgufTestFiles;
import org.slmhub.gguf.GgufType;
import org.slmhub.gguf.GgufWriter;
import org.slmhub.gguf.LittleEndianBytes;
import org.slmhub.onnx.OnnxWriter;
import org.slmhub.onnx.ProtoBytes;

/**
 * Builds the bytes a hostile-artifact case serves from one recipe line of its {@code artifact} file:
 * <ul>
 * <li>{@code sample-gguf}, {@code sample-gguf-v2}: the test writer's sample model (llama, Q4_K_M,
 *     context 2048, 2304 weights, a tokenizer; 3144 bytes), version 3 or 2;</li>
 * <li>{@code no-tokenizer-gguf}, {@code no-architecture-gguf}, {@code numeric-architecture-gguf}:
 *     the same model without the tokenizer, without {@code general.architecture}, or with it as a number;</li>
 * <li>{@code sample-onnx}: {@link OnnxWriter#sampleEmbedder()} (feature-extraction, inputs input_ids,
 *     attention_mask and token_type_ids, output FLOAT[batch_size, sequence_length, 8], 328 weights;
 *     1890 bytes); {@code no-input-ids-onnx}: the same weights and output, fed {@code pixel_values};
 *     {@code dims-overflow-onnx}: an external initializer of 2^31 x 2^31 x 4 elements;</li>
 * <li>any of those followed by {@code cut N} (the first N bytes) or {@code cut end-N};</li>
 * <li>{@code proto F...}: protobuf wire format, {@code key:FIELD:WIRETYPE}, {@code varint:N},
 *     {@code ascii:T}, {@code hex:HH..}, {@code zeros:N};</li>
 * <li>{@code fields F...}: little-endian fields {@code ascii:T}, {@code str:T} (GGUF string),
 *     {@code u8:N}, {@code u32:N}, {@code u64:N}, {@code zeros:N}, where N may be {@code 2^K} or negative;</li>
 * <li>{@code text T}: the rest of the line as UTF-8; {@code empty}; {@code random N}.</li>
 * </ul>
 */
final class HostileArtifactBytes {
    private HostileArtifactBytes() {
    }

    static byte[] of(String recipe) {
        String[] words = recipe.trim().split("\\s+");
        String rest = recipe.trim().substring(words[0].length()).trim();
        return switch (words[0]) {
            case "empty" -> new byte[0];
            case "text" -> rest.getBytes(StandardCharsets.UTF_8);
            case "random" -> random((int) number(rest));
            case "fields" -> fields(rest.split("\\s+"));
            case "proto" -> proto(rest.split("\\s+"));
            default -> cut(words[0].endsWith("-onnx") ? onnx(words[0]) : gguf(words[0]), words);
        };
    }

    private static byte[] gguf(String name) {
        return switch (name) {
            case "sample-gguf" -> GgufTestFiles.sampleModel(3).bytes();
            case "sample-gguf-v2" -> GgufTestFiles.sampleModel(2).bytes();
            case "no-tokenizer-gguf" -> llama(true, false).bytes();
            case "no-architecture-gguf" -> llama(false, true).bytes();
            case "numeric-architecture-gguf" -> new GgufWriter(3).put("general.architecture", GgufType.UINT32, 7L)
                    .put("llama.context_length", GgufType.UINT32, 2048L).put("general.file_type", GgufType.UINT32, 15L)
                    .put("tokenizer.ggml.model", "llama").array("tokenizer.ggml.tokens", GgufType.STRING, List.of("<unk>", "a"))
                    .tensor("token_embd.weight", GgmlType.Q4_K, 256, 4).tensor("output.weight", GgmlType.Q6_K, 256, 4).bytes();
            default -> throw new IllegalArgumentException("unknown byte recipe " + name);
        };
    }

    private static byte[] onnx(String name) {
        return switch (name) {
            case "sample-onnx" -> OnnxWriter.sampleEmbedder().bytes();
            case "no-input-ids-onnx" -> new OnnxWriter(8).producer("pytorch", "2.1.0").opset("", 14)
                    .initializer("embeddings.word_embeddings.weight", 32, 8).unpackedInitializer("encoder.dense.weight", 8, 8)
                    .initializer("encoder.dense.bias", 8).input("pixel_values", OnnxWriter.FLOAT, "batch_size", 3, 224, 224)
                    .output("last_hidden_state", OnnxWriter.FLOAT, "batch_size", 50, 8).bytes();
            case "dims-overflow-onnx" -> new OnnxWriter(8).opset("", 14)
                    .externalInitializer("w", "model.onnx_data", 1L << 31, 1L << 31, 4)
                    .input("input_ids", OnnxWriter.INT64, "batch_size", "sequence_length")
                    .output("last_hidden_state", OnnxWriter.FLOAT, "batch_size", "sequence_length", 8).bytes();
            default -> throw new IllegalArgumentException("unknown byte recipe " + name);
        };
    }

    private static byte[] proto(String[] fields) {
        ProtoBytes out = new ProtoBytes();
        for (String field : fields) {
            String[] parts = field.split(":");
            switch (parts[0]) {
                case "key" -> out.key(Integer.parseInt(parts[1]), Integer.parseInt(parts[2]));
                case "varint" -> out.varint(number(parts[1]));
                case "ascii" -> out.raw(parts[1].getBytes(StandardCharsets.US_ASCII));
                case "hex" -> out.raw(HexFormat.of().parseHex(parts[1]));
                case "zeros" -> out.raw(new byte[(int) number(parts[1])]);
                default -> throw new IllegalArgumentException("unknown proto field " + field);
            }
        }
        return out.toByteArray();
    }

    /** The sample model's facts (2304 weights, Q4_K_M, context 2048) with one part left out. */
    private static GgufWriter llama(boolean architecture, boolean tokenizer) {
        GgufWriter w = new GgufWriter(3);
        if (architecture) {
            w.put("general.architecture", "llama");
        }
        w.put("general.name", "Hostile Sample").put("llama.context_length", GgufType.UINT32, 2048L)
                .put("general.file_type", GgufType.UINT32, 15L);
        if (tokenizer) {
            w.put("tokenizer.ggml.model", "llama").array("tokenizer.ggml.tokens", GgufType.STRING, List.of("<unk>", "alpha", "gamma"));
        }
        return w.tensor("token_embd.weight", GgmlType.Q4_K, 256, 4)
                .tensor("blk.0.attn_norm.weight", GgmlType.F32, 256)
                .tensor("output.weight", GgmlType.Q6_K, 256, 4);
    }

    private static byte[] cut(byte[] bytes, String[] words) {
        if (words.length == 1) {
            return bytes;
        }
        if (words.length != 3 || !words[1].equals("cut")) {
            throw new IllegalArgumentException("expected `NAME cut N`, got " + String.join(" ", words));
        }
        int length = words[2].startsWith("end-")
                ? bytes.length - (int) number(words[2].substring(4)) : (int) number(words[2]);
        return Arrays.copyOf(bytes, length);
    }

    private static byte[] fields(String[] fields) {
        LittleEndianBytes out = new LittleEndianBytes();
        for (String field : fields) {
            int colon = field.indexOf(':');
            String kind = field.substring(0, colon);
            String value = field.substring(colon + 1);
            switch (kind) {
                case "ascii" -> out.ascii(value);
                case "str" -> out.str(value);
                case "u8" -> out.u8((int) number(value));
                case "u32" -> out.u32(number(value));
                case "u64" -> out.u64(number(value));
                case "zeros" -> out.zeros((int) number(value));
                default -> throw new IllegalArgumentException("unknown field " + field);
            }
        }
        return out.toByteArray();
    }

    /** A decimal number, {@code 2^K}, or a negative one (written as its two's complement). */
    static long number(String text) {
        return text.startsWith("2^") ? 1L << Integer.parseInt(text.substring(2)) : Long.parseLong(text);
    }

    private static byte[] random(int size) {
        byte[] bytes = new byte[size];
        new Random(7).nextBytes(bytes);
        return bytes;
    }
}
