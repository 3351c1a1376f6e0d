package org.slmhub.onnx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtSession;
import ai.onnxruntime.TensorInfo;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The reader on a real model: the quantized all-MiniLM-L6-v2 that a test dependency brings from
 * Maven Central (resource {@value #RESOURCE}), copied to a file because the reader reads files.
 */
class OnnxRealModelTest {
    static final String RESOURCE = "/all-minilm-l6-v2-q.onnx";
    static final long SIZE = 22_972_370L;

    @TempDir
    static Path dir;
    static Path model;

    @BeforeAll
    static void copyTheModel() throws IOException {
        try (InputStream in = OnnxRealModelTest.class.getResourceAsStream(RESOURCE)) {
            assertNotNull(in, RESOURCE + " is missing from the test classpath");
            model = dir.resolve("all-minilm-l6-v2-q.onnx");
            Files.copy(in, model);
        }
        assertEquals(SIZE, Files.size(model));
    }

    @Test
    void allMiniLmL6V2Quantized() throws Exception {
        OnnxReader.read(model); // once to load the classes, so the timed read is the reading
        long start = System.nanoTime();
        OnnxFile onnx = OnnxReader.read(model);
        long micros = (System.nanoTime() - start) / 1000;
        System.out.printf("all-MiniLM-L6-v2 (quantized, %d bytes): read in %.1f ms; ir_version %d, producer %s %s, opsets %s,"
                + " %d initializers, %d parameters, embedding dimension %s%n  inputs %s%n  outputs %s%n",
                SIZE, micros / 1000.0, onnx.irVersion(), onnx.producerName(), onnx.producerVersion(), onnx.opsetImports(),
                onnx.initializerCount(), onnx.parameterCount(), onnx.embeddingDimension(), onnx.inputs(), onnx.outputs());
        assertEquals(List.of("input_ids", "attention_mask", "token_type_ids"), onnx.inputs().stream().map(OnnxValue::name).toList());
        onnx.inputs().forEach(input -> assertEquals("INT64", input.elementType(), input::toString));
        assertEquals(OptionalLong.of(384), onnx.embeddingDimension());
        assertTrue(onnx.defaultOpset().isPresent(), onnx.opsetImports()::toString);
        // the model card says 22.7M parameters; quantization adds a scale and zero point per weight matrix
        assertTrue(onnx.parameterCount() > 22_000_000 && onnx.parameterCount() < 23_500_000, () -> "parameters " + onnx.parameterCount());
        assertFalse(onnx.externalData());
    }

    /** ONNX Runtime, which the engine runs the model with, sees the same inputs and outputs. */
    @Test
    void agreesWithOnnxRuntime() throws Exception {
        OnnxFile onnx = OnnxReader.read(model);
        OrtEnvironment env = OrtEnvironment.getEnvironment();
        try (OrtSession session = env.createSession(model.toString(), new OrtSession.SessionOptions())) {
            assertEquals(List.copyOf(session.getInputNames()), onnx.inputs().stream().map(OnnxValue::name).toList());
            assertEquals(List.copyOf(session.getOutputNames()), onnx.outputs().stream().map(OnnxValue::name).toList());
            TensorInfo output = (TensorInfo) session.getOutputInfo().get(onnx.outputs().get(0).name()).getInfo();
            long[] shape = output.getShape();
            assertEquals(onnx.outputs().get(0).dims().size(), shape.length);
            assertEquals(onnx.embeddingDimension().getAsLong(), shape[shape.length - 1]);
            for (OnnxValue input : onnx.inputs()) {
                TensorInfo info = (TensorInfo) session.getInputInfo().get(input.name()).getInfo();
                assertEquals(input.elementType(), info.type.name(), input::toString);
            }
        }
    }
}
