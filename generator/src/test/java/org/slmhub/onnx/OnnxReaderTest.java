package org.slmhub.onnx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each field the reader takes from a ModelProto, in files {@link OnnxWriter} writes. */
class OnnxReaderTest {
    @TempDir
    Path dir;

    private OnnxFile read(OnnxWriter writer) throws IOException, OnnxFormatException {
        return OnnxReader.read(writer.write(dir.resolve("model.onnx")));
    }

    private OnnxFormatException rejected(byte[] bytes) throws IOException {
        Path file = Files.write(dir.resolve("bad.onnx"), bytes);
        return assertThrows(OnnxFormatException.class, () -> OnnxReader.read(file));
    }

    @Test
    void theSampleEmbedderReadsAsWritten() throws Exception {
        OnnxFile model = read(OnnxWriter.sampleEmbedder());
        assertEquals(8, model.irVersion());
        assertEquals("pytorch", model.producerName());
        assertEquals("2.1.0", model.producerVersion());
        assertEquals(Map.of("", 14L, "com.microsoft", 1L), model.opsetImports());
        assertEquals(OptionalLong.of(14), model.defaultOpset());
        assertEquals(List.of("input_ids: INT64[batch_size, sequence_length]",
                "attention_mask: INT64[batch_size, sequence_length]",
                "token_type_ids: INT64[batch_size, sequence_length]"),
                model.inputs().stream().map(OnnxValue::toString).toList());
        assertEquals(List.of("last_hidden_state: FLOAT[batch_size, sequence_length, 8]"),
                model.outputs().stream().map(OnnxValue::toString).toList());
        assertEquals(3, model.initializerCount());
        assertEquals(OnnxWriter.SAMPLE_PARAMETERS, model.parameterCount());
        assertEquals(OptionalLong.of(OnnxWriter.SAMPLE_DIMENSION), model.embeddingDimension());
        assertFalse(model.externalData());
        assertEquals(Set.of(), model.externalDataFiles());
    }

    @Test
    void dimsAreSizesSymbolsOrUnknown() throws Exception {
        OnnxFile model = read(new OnnxWriter(7).input("x", OnnxWriter.FLOAT, 1, "seq", null).output("y", OnnxWriter.FLOAT));
        assertEquals(List.of(new OnnxDimension.Size(1), new OnnxDimension.Symbol("seq"), new OnnxDimension.Unknown()),
                model.inputs().get(0).dims());
        assertEquals(List.of(), model.outputs().get(0).dims());
        assertEquals(OptionalLong.empty(), model.embeddingDimension(), "a scalar output has no last dim");
    }

    @Test
    void aSymbolicLastDimensionGivesNoEmbeddingDimension() throws Exception {
        OnnxFile model = read(new OnnxWriter(7).output("y", OnnxWriter.FLOAT, "batch", "hidden").output("z", OnnxWriter.FLOAT, 5));
        assertEquals(OptionalLong.empty(), model.embeddingDimension());
    }

    @Test
    void packedAndUnpackedDimsCountAlike() throws Exception {
        assertEquals(6 * 7 * 2, read(new OnnxWriter(7).initializer("a", 6, 7, 2)).parameterCount());
        assertEquals(6 * 7 * 2, read(new OnnxWriter(7).unpackedInitializer("a", 6, 7, 2)).parameterCount());
        // a scalar has no dims and one element; a zero dimension makes an empty tensor
        assertEquals(1, read(new OnnxWriter(7).initializer("scalar")).parameterCount());
        assertEquals(0, read(new OnnxWriter(7).initializer("empty", 3, 0)).parameterCount());
    }

    @Test
    void externalWeightsAreNotedWithTheirFile() throws Exception {
        OnnxFile model = read(new OnnxWriter(8).initializer("inside", 4)
                .externalInitializer("big", "model.onnx_data", 1000, 1000).externalInitializer("bigger", "model.onnx_data", 10));
        assertTrue(model.externalData());
        assertEquals(Set.of("model.onnx_data"), model.externalDataFiles());
        assertEquals(4 + 1_000_000 + 10, model.parameterCount(), "the dims stay in the model file");
        assertEquals(3, model.initializerCount());
    }

    @Test
    void initializersListedAsInputsAreNotInputs() throws Exception {
        OnnxFile model = read(new OnnxWriter(3).initializer("fc.weight", 4, 4).initializer("fc.bias", 4)
                .input("data", OnnxWriter.FLOAT, 1, 4).input("fc.weight", OnnxWriter.FLOAT, 4, 4).input("fc.bias", OnnxWriter.FLOAT, 4)
                .output("out", OnnxWriter.FLOAT, 1, 4));
        assertEquals(List.of("data"), model.inputs().stream().map(OnnxValue::name).toList());
        assertEquals(20, model.parameterCount());
    }

    @Test
    void theHighestVersionOfADomainCounts() throws Exception {
        OnnxFile model = read(new OnnxWriter(8).opset("", 11).opset("", 17).opset("ai.onnx.ml", 3).opset("", 13));
        assertEquals(Map.of("", 17L, "ai.onnx.ml", 3L), model.opsetImports());
    }

    @Test
    void unknownFieldsOfEveryWireTypeAreSkipped() throws Exception {
        byte[] model = new ProtoBytes().varintField(1, 9).fixed64Field(99, -1L).fixed32Field(98, 7)
                .stringField(4, "org.example").varintField(5, 3)
                .messageField(7, new ProtoBytes().fixed32Field(77, 1).messageField(12, new ProtoBytes().stringField(1, "y")))
                .toByteArray();
        OnnxFile read = OnnxReader.read(Files.write(dir.resolve("m.onnx"), model));
        assertEquals(9, read.irVersion());
        assertEquals("y", read.outputs().get(0).name());
        assertEquals("UNDEFINED", read.outputs().get(0).elementType());
    }

    @Test
    void elementTypeNames() {
        assertEquals("FLOAT", OnnxDataType.name(1));
        assertEquals("INT64", OnnxDataType.name(7));
        assertEquals("BFLOAT16", OnnxDataType.name(16));
        assertEquals("TYPE_99", OnnxDataType.name(99));
        assertEquals("TYPE_-1", OnnxDataType.name(-1));
    }

    @Test
    void aFileWithoutIrVersionOrGraphIsNotAModel() throws Exception {
        assertEquals("not an ONNX model: no ir_version (ModelProto field 1) in the 0-byte file", rejected(new byte[0]).getMessage());
        OnnxFormatException noGraph = rejected(new ProtoBytes().varintField(1, 8).toByteArray());
        assertEquals("not an ONNX model: no graph (ModelProto field 7) in the 2-byte file", noGraph.getMessage());
        assertEquals(2, noGraph.offset());
        assertEquals("ir_version 0 at offset 0 is not a positive number",
                rejected(new ProtoBytes().varintField(1, 0).messageField(7, new ProtoBytes()).toByteArray()).getMessage());
    }

    @Test
    void otherFilesAreRejectedAtTheirFirstByte() throws Exception {
        assertEquals("field 7 at offset 0 uses the group wire type 4, which ONNX does not use",
                rejected("<!doctype html>".getBytes()).getMessage());
        assertEquals("invalid wire type 7 of field 8 at offset 0", rejected("GGUF".getBytes()).getMessage());
        assertEquals("field 15 at offset 0 uses the group wire type 3, which ONNX does not use", rejected("{\"a\":1}".getBytes()).getMessage());
    }

    @Test
    void lengthsPastTheFileOrTheEnclosingMessage() throws Exception {
        OnnxFormatException pastFile = rejected(new ProtoBytes().varintField(1, 8).key(7, 2).varint(1L << 40).toByteArray());
        assertEquals("graph at offset 3: length 1099511627776 runs past the end of its file at 9", pastFile.getMessage());
        assertEquals(3, pastFile.offset());
        // a graph of 4 bytes whose output claims 100
        byte[] inner = new ProtoBytes().key(12, 2).varint(100).raw(new byte[2]).toByteArray();
        OnnxFormatException pastMessage = rejected(new ProtoBytes().varintField(1, 8).bytesField(7, inner).raw(new byte[200]).toByteArray());
        assertEquals("output at offset 5: length 100 runs past the end of its enclosing message at 8 (in graph output 1)", pastMessage.getMessage());
        OnnxFormatException negative = rejected(new ProtoBytes().varintField(1, 8).key(7, 2).varint(-1).toByteArray());
        assertEquals("graph at offset 3: length 18446744073709551615 runs past the end of its file at 13", negative.getMessage());
    }

    @Test
    void varintsOfMoreThanTenBytes() throws Exception {
        byte[] bytes = new byte[12];
        Arrays.fill(bytes, (byte) 0xFF);
        bytes[0] = 0x08; // ir_version, then an 11-byte varint
        bytes[11] = 0x01;
        assertEquals("ir_version at offset 1: varint longer than 10 bytes", rejected(bytes).getMessage());
        assertEquals("ir_version (a varint) at offset 1 runs past the end of its file at 3", rejected(new byte[] {0x08, (byte) 0x80, (byte) 0x80}).getMessage());
    }

    @Test
    void wrongWireTypesOfKnownFields() throws Exception {
        assertEquals("ir_version (field 1) at offset 0 has wire type 2, expected varint",
                rejected(new ProtoBytes().stringField(1, "8").toByteArray()).getMessage());
        assertEquals("graph (field 7) at offset 2 has wire type 0, expected length-delimited",
                rejected(new ProtoBytes().varintField(1, 8).varintField(7, 1).toByteArray()).getMessage());
    }

    @Test
    void dimsWhoseProductOverflows() throws Exception {
        OnnxFormatException e = rejected(new OnnxWriter(8).externalInitializer("w", "x.bin", 1L << 31, 1L << 31, 4).bytes());
        assertTrue(e.getMessage().matches("dimension 4 at offset \\d+ makes the element count exceed 2\\^63-1 \\(in initializer 1\\)"), e.getMessage());
        OnnxFormatException sum = rejected(new OnnxWriter(8).externalInitializer("a", "x.bin", 1L << 62)
                .externalInitializer("b", "x.bin", 1L << 62).bytes());
        assertTrue(sum.getMessage().startsWith("the initializers hold more than 2^63-1 elements in all"), sum.getMessage());
        OnnxFormatException negative = rejected(new OnnxWriter(8).externalInitializer("n", "x.bin", 3, -2).bytes());
        assertTrue(negative.getMessage().startsWith("negative dimension -2 at offset"), negative.getMessage());
    }

    @Test
    void namesBeyondTheMemoryLimitAreRefused() throws Exception {
        OnnxWriter w = new OnnxWriter(8);
        String longName = "n".repeat(1 << 20);
        for (int i = 0; i < 17; i++) {
            w.input(longName + i, OnnxWriter.INT64, 1);
        }
        OnnxFormatException e = rejected(w.bytes());
        assertTrue(e.getMessage().startsWith("names and shapes exceed slmhub's limit of 16 MiB per model at offset "), e.getMessage());
        assertTrue(e.getMessage().endsWith("(in graph input 16)"), e.getMessage());
    }

    /**
     * A 600 MB model whose weights are a hole in a sparse file: reading it costs what its names
     * cost, because raw_data is skipped by moving past it, never read.
     */
    @Test
    void weightsAreSkippedNotRead() throws Exception {
        long elements = 150_000_000L;
        long dataBytes = elements * 4;
        ProtoBytes tensorHead = new ProtoBytes().bytesField(1, new ProtoBytes().varint(elements).toByteArray())
                .varintField(2, OnnxWriter.FLOAT).stringField(8, "huge.weight").key(9, 2).varint(dataBytes);
        ProtoBytes output = new ProtoBytes().messageField(12, new ProtoBytes().stringField(1, "y"));
        long tensorLength = tensorHead.size() + dataBytes;
        ProtoBytes initializerKey = new ProtoBytes().key(5, 2).varint(tensorLength);
        long graphLength = initializerKey.size() + tensorLength + output.size();
        byte[] head = new ProtoBytes().varintField(1, 8).key(7, 2).varint(graphLength)
                .raw(initializerKey.toByteArray()).raw(tensorHead.toByteArray()).toByteArray();
        Path file = dir.resolve("huge.onnx");
        try (RandomAccessFile out = new RandomAccessFile(file.toFile(), "rw")) {
            out.write(head);
            out.seek(head.length + dataBytes); // the weights stay a hole
            out.write(output.toByteArray());
        }
        long start = System.nanoTime();
        OnnxFile model = OnnxReader.read(file);
        System.out.printf("a %d-byte model (600 MB of weights) read in %.1f ms%n", Files.size(file), (System.nanoTime() - start) / 1e6);
        assertEquals(elements, model.parameterCount());
        assertEquals("y", model.outputs().get(0).name());
    }

    @Test
    void aMissingFileIsAFormatErrorNamingIt() {
        Path missing = dir.resolve("absent.onnx");
        OnnxFormatException e = assertThrows(OnnxFormatException.class, () -> OnnxReader.read(missing));
        assertEquals("cannot read " + missing + ": NoSuchFileException", e.getMessage());
    }
}
