package org.slmhub.validate;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.slmhub.gguf.GgmlType;
import org.slmhub.gguf.GgufTestFiles;
import org.slmhub.gguf.GgufType;
import org.slmhub.gguf.GgufWriter;
import org.slmhub.gguf.LittleEndianBytes;

/**
 * Builds the bytes a hostile-artifact case serves from one recipe line of its {@code artifact} file:
 * <ul>
 * <li>{@code sample-gguf}, {@code sample-gguf-v2}: the test writer's sample model (llama, Q4_K_M,
 *     context 2048, 2304 weights, a tokenizer; 3144 bytes), version 3 or 2;</li>
 * <li>{@code no-tokenizer-gguf}, {@code no-architecture-gguf}, {@code numeric-architecture-gguf}:
 *     the same model without the tokenizer, without {@code general.architecture}, or with it as a number;</li>
 * <li>any of those followed by {@code cut N} (the first N bytes) or {@code cut end-N};</li>
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
            default -> cut(gguf(words[0]), words);
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
