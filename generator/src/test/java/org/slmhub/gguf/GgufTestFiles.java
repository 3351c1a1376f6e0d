package org.slmhub.gguf;

import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/** Shared GGUF files and checks for the reader tests. */
public final class GgufTestFiles {
    static final String CHAT_TEMPLATE = "{% for m in messages %}<|{{ m.role }}|>{{ m.content }}{% endfor %}";

    private GgufTestFiles() {
    }

    /**
     * A small Q4_K_M llama model with a tokenizer and a chat template: 9 metadata entries and
     * three tensors of 1024, 256 and 1024 values.
     */
    public static GgufWriter sampleModel(int version) {
        return new GgufWriter(version)
                .put("general.architecture", "llama")
                .put("general.name", "Tiny Sample")
                .put("general.license", "apache-2.0")
                .put("llama.context_length", GgufType.UINT32, 2048L)
                .put("general.file_type", GgufType.UINT32, 15L)
                .put("tokenizer.ggml.model", "llama")
                .array("tokenizer.ggml.tokens", GgufType.STRING, List.of("<unk>", "alpha", "gamma"))
                .array("tokenizer.ggml.scores", GgufType.FLOAT32, List.of(0f, -1f, -2f))
                .put("tokenizer.chat_template", CHAT_TEMPLATE)
                .tensor("token_embd.weight", GgmlType.Q4_K, 256, 4)
                .tensor("blk.0.attn_norm.weight", GgmlType.F32, 256)
                .tensor("output.weight", GgmlType.Q6_K, 256, 4);
    }

    static Path write(Path dir, byte[] bytes) throws IOException {
        return Files.write(dir.resolve("model.gguf"), bytes);
    }

    /** Reads bytes that must be rejected and returns the message. */
    static String rejectionOf(Path dir, byte[] bytes) throws IOException {
        Path file = write(dir, bytes);
        return assertThrows(GgufFormatException.class, () -> GgufReader.read(file)).getMessage();
    }

    static byte[] prefix(byte[] bytes, int length) {
        return Arrays.copyOf(bytes, length);
    }

    /** Where {@code text} first occurs in {@code bytes} (as UTF-8); tests use it to cut inside a field. */
    static int indexOf(byte[] bytes, String text) {
        byte[] needle = text.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        outer:
        for (int i = 0; i + needle.length <= bytes.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (bytes[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        throw new IllegalArgumentException(text + " is not in the file");
    }
}
