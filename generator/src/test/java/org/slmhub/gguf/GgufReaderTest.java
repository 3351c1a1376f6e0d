package org.slmhub.gguf;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class GgufReaderTest {
    @TempDir
    Path dir;

    private GgufFile read(GgufWriter writer) throws Exception {
        return GgufReader.read(writer.write(dir.resolve("model.gguf")));
    }

    @ParameterizedTest
    @ValueSource(ints = {2, 3})
    void readsEveryAccessorOfASampleModel(int version) throws Exception {
        GgufFile file = read(GgufTestFiles.sampleModel(version));

        assertEquals(version, file.version());
        assertEquals(Optional.of("llama"), file.architecture());
        assertEquals(Optional.of("Tiny Sample"), file.name());
        assertEquals(Optional.of("apache-2.0"), file.license());
        assertEquals(OptionalLong.of(2048), file.contextLength());
        assertEquals(1024 + 256 + 1024, file.parameterCount());
        assertEquals(OptionalInt.of(15), file.fileType());
        assertEquals(Optional.of("Q4_K_M"), file.quantization());
        assertTrue(file.hasTokenizer());
        assertEquals(Optional.of(GgufTestFiles.CHAT_TEMPLATE), file.chatTemplate());
        assertEquals(9, file.metadata().size());
    }

    @Test
    void readsTheTensorTableAndWhereDataStarts() throws Exception {
        byte[] bytes = GgufTestFiles.sampleModel(3).bytes();
        GgufFile file = GgufReader.read(GgufTestFiles.write(dir, bytes));

        List<TensorInfo> tensors = file.tensors();
        assertEquals(List.of("token_embd.weight", "blk.0.attn_norm.weight", "output.weight"),
                tensors.stream().map(TensorInfo::name).toList());
        assertArrayEquals(new long[] {256, 4}, tensors.get(0).dims());
        assertEquals(GgmlType.Q4_K.code(), tensors.get(0).ggmlType());
        assertEquals(1024, tensors.get(0).elementCount());
        // Q4_K: 4 blocks of 144 bytes = 576, already a multiple of 32; F32: 256 x 4 = 1024
        assertEquals(List.of(0L, 576L, 1600L), tensors.stream().map(TensorInfo::offset).toList());
        assertEquals(0, file.dataOffset() % 32);
        // Q6_K: 4 blocks of 210 bytes end the file
        assertEquals(bytes.length, file.dataOffset() + 1600 + 840);
    }

    @Test
    void decodesEveryValueType() throws Exception {
        GgufArray inner = new GgufArray(GgufType.UINT8, 2, List.of(1, 2));
        GgufFile file = read(new GgufWriter(3)
                .put("u8", GgufType.UINT8, 255)
                .put("i8", GgufType.INT8, -128)
                .put("u16", GgufType.UINT16, 65535)
                .put("i16", GgufType.INT16, -32768)
                .put("u32", GgufType.UINT32, 4294967295L)
                .put("i32", GgufType.INT32, Integer.MIN_VALUE)
                .put("f32", GgufType.FLOAT32, 1.5f)
                .put("bool", GgufType.BOOL, true)
                .put("string", "h\u00e9llo \u2713")
                .array("array", GgufType.INT32, List.of(7, -7))
                .put("u64", GgufType.UINT64, -1L)
                .put("i64", GgufType.INT64, Long.MIN_VALUE)
                .put("f64", GgufType.FLOAT64, Math.PI)
                .array("nested", GgufType.ARRAY, List.of(inner, inner))
                .array("empty", GgufType.STRING, List.of()));

        var metadata = file.metadata();
        assertEquals(255, metadata.get("u8"));
        assertEquals(-128, metadata.get("i8"));
        assertEquals(65535, metadata.get("u16"));
        assertEquals(-32768, metadata.get("i16"));
        assertEquals(4294967295L, metadata.get("u32"));
        assertEquals(Integer.MIN_VALUE, metadata.get("i32"));
        assertEquals(1.5f, metadata.get("f32"));
        assertEquals(true, metadata.get("bool"));
        assertEquals("h\u00e9llo \u2713", metadata.get("string"));
        assertEquals(new GgufArray(GgufType.INT32, 2, List.of(7, -7)), metadata.get("array"));
        assertEquals(-1L, metadata.get("u64"), "UINT64 above 2^63-1 wraps negative");
        assertEquals(Long.MIN_VALUE, metadata.get("i64"));
        assertEquals(Math.PI, metadata.get("f64"));
        assertEquals(new GgufArray(GgufType.ARRAY, 2, List.of(inner, inner)), metadata.get("nested"));
        assertEquals(new GgufArray(GgufType.STRING, 0, List.of()), metadata.get("empty"));
        assertEquals(List.of("u8", "i8", "u16", "i16", "u32", "i32", "f32", "bool", "string", "array", "u64",
                "i64", "f64", "nested", "empty"), List.copyOf(metadata.keySet()), "file order is kept");
        assertTrue(file.tensors().isEmpty());
    }

    @Test
    void infersQuantizationFromWeightTypesWhenFileTypeIsAbsent() throws Exception {
        GgufFile file = read(new GgufWriter(3)
                .put("general.architecture", "llama")
                .tensor("token_embd.weight", GgmlType.Q8_0, 64, 8)
                .tensor("blk.0.attn_norm.weight", GgmlType.F32, 64)
                .tensor("output.weight", GgmlType.Q8_0, 64, 8));

        assertEquals(OptionalInt.empty(), file.fileType());
        assertEquals(Optional.of("Q8_0"), file.quantization(), "1-D norms in F32 do not count");
    }

    @Test
    void mixedWeightTypesWithoutFileTypeHaveNoQuantizationName() throws Exception {
        GgufFile file = read(new GgufWriter(3)
                .tensor("token_embd.weight", GgmlType.Q4_0, 64, 8)
                .tensor("output.weight", GgmlType.Q8_0, 64, 8));

        assertEquals(Optional.empty(), file.quantization());
    }

    @Test
    void unknownFileTypeFallsBackToTheTensorTypes() throws Exception {
        GgufFile file = read(new GgufWriter(3)
                .put("general.file_type", GgufType.UINT32, 99L)
                .tensor("output.weight", GgmlType.BF16, 8, 8));

        assertEquals(OptionalInt.of(99), file.fileType());
        assertEquals(Optional.of("BF16"), file.quantization());
    }

    @Test
    void hasTokenizerNeedsAModelAndANonEmptyTokenList() throws Exception {
        GgufFile noModel = read(new GgufWriter(3)
                .array("tokenizer.ggml.tokens", GgufType.STRING, List.of("a")));
        GgufFile noTokens = read(new GgufWriter(3).put("tokenizer.ggml.model", "gpt2"));
        GgufFile emptyTokens = read(new GgufWriter(3)
                .put("tokenizer.ggml.model", "gpt2")
                .array("tokenizer.ggml.tokens", GgufType.STRING, List.of()));

        assertFalse(noModel.hasTokenizer());
        assertFalse(noTokens.hasTokenizer());
        assertFalse(emptyTokens.hasTokenizer());
    }

    @Test
    void absentKeysGiveEmptyValues() throws Exception {
        GgufFile file = read(new GgufWriter(3).put("llama.context_length", GgufType.UINT32, 512L));

        assertEquals(Optional.empty(), file.architecture());
        assertEquals(OptionalLong.empty(), file.contextLength(), "the key is found through the architecture");
        assertEquals(Optional.empty(), file.license());
        assertEquals(Optional.empty(), file.chatTemplate());
        assertEquals(Optional.empty(), file.quantization());
        assertEquals(0, file.parameterCount());
    }

    @Test
    void honoursACustomAlignment() throws Exception {
        GgufFile file = read(new GgufWriter(3)
                .alignment(64)
                .tensor("a", GgmlType.F32, 3)
                .tensor("b", GgmlType.F16, 5, 2));

        assertEquals(0, file.dataOffset() % 64);
        assertEquals(List.of(0L, 64L), file.tensors().stream().map(TensorInfo::offset).toList());
    }

    @Test
    void readsAStringLongerThanTheReadBuffer() throws Exception {
        String template = "{{ message }}".repeat(20_000);
        GgufFile file = read(new GgufWriter(3).put("tokenizer.chat_template", template).put("after", "x"));

        assertEquals(Optional.of(template), file.chatTemplate());
        assertEquals(Optional.of("x"), file.string("after"));
    }
}
