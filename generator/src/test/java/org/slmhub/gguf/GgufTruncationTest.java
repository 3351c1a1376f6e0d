package org.slmhub.gguf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Property-style checks: whatever bytes a file holds, reading it either succeeds or throws
 * GgufFormatException, never another exception, an error or a hang.
 */
class GgufTruncationTest {
    @TempDir
    Path dir;

    /** Every value type and a tensor table, with little tensor data so the loops stay fast. */
    private static byte[] sample() {
        return new GgufWriter(3)
                .put("general.architecture", "llama")
                .put("llama.context_length", GgufType.UINT32, 2048L)
                .put("tokenizer.ggml.model", "llama")
                .array("tokenizer.ggml.tokens", GgufType.STRING, List.of("<unk>", "alpha", "gamma"))
                .array("tokenizer.ggml.scores", GgufType.FLOAT32, List.of(0f, -1f, -2f))
                .put("general.alignment", GgufType.UINT32, 32L)
                .array("nested", GgufType.ARRAY, List.of(new GgufArray(GgufType.INT16, 2, List.of(1, -1))))
                .put("f64", GgufType.FLOAT64, 0.5)
                .put("bool", GgufType.BOOL, false)
                .put("u8", GgufType.UINT8, 1)
                .put("i8", GgufType.INT8, -1)
                .put("u16", GgufType.UINT16, 2)
                .put("i16", GgufType.INT16, -2)
                .put("i32", GgufType.INT32, -3)
                .put("u64", GgufType.UINT64, 4L)
                .put("i64", GgufType.INT64, -1L)
                .tensor("token_embd.weight", GgmlType.Q8_0, 32, 2)
                .tensor("blk.0.attn_norm.weight", GgmlType.F32, 3)
                .tensor("output.weight", GgmlType.F16, 2, 2)
                .bytes();
    }

    @Test
    void everyProperPrefixIsRejectedAndOnlyTheWholeFileIsRead() throws Exception {
        byte[] valid = sample();
        Path file = dir.resolve("prefix.gguf");
        for (int length = 0; length < valid.length; length++) {
            Files.write(file, Arrays.copyOf(valid, length));
            if (readOutcome(file) != Outcome.REJECTED) {
                fail("a prefix of " + length + " of " + valid.length + " bytes was accepted");
            }
        }
        Files.write(file, valid);
        assertEquals(Outcome.READ, readOutcome(file));
    }

    @Test
    void randomlyDamagedFilesAreReadOrRejected() throws Exception {
        byte[] valid = sample();
        Path file = dir.resolve("damaged.gguf");
        Random random = new Random(20240601L);
        for (int round = 0; round < 500; round++) {
            byte[] damaged = valid.clone();
            for (int hits = 1 + random.nextInt(4); hits > 0; hits--) {
                int at = random.nextInt(damaged.length);
                damaged[at] = random.nextBoolean() ? (byte) random.nextInt(256) : (byte) 0xFF;
            }
            Files.write(file, damaged);
            readOutcome(file); // any outcome but an unexpected throwable is fine
        }
    }

    private enum Outcome { READ, REJECTED }

    private static Outcome readOutcome(Path file) {
        try {
            GgufFile gguf = GgufReader.read(file);
            // what a damaged but readable header holds must not break the accessors either
            gguf.parameterCount();
            gguf.quantization();
            gguf.contextLength();
            gguf.hasTokenizer();
            gguf.chatTemplate();
            return Outcome.READ;
        } catch (GgufFormatException e) {
            return Outcome.REJECTED;
        } catch (Throwable t) {
            throw new AssertionError("reading " + file + " threw " + t, t);
        }
    }
}
