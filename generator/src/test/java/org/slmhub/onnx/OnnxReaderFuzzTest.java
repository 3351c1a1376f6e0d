package org.slmhub.onnx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slmhub.FuzzInputFile;

/**
 * Coverage-guided fuzzing of the ONNX reader (Jazzer). Any bytes may be rejected, but only with
 * {@link OnnxFormatException} (one line, an offset inside the file); any other exception or error
 * is a finding. A model the reader accepts must be consistent: a positive IR version, counts that
 * are not negative, and no input that is also an initializer.
 *
 * <p>{@code mvn verify} replays the inputs under {@code OnnxReaderFuzzTestInputs/} (past findings,
 * if any) and checks the generated seeds; {@code mvn -Pfuzz test -Dtest=OnnxReaderFuzzTest
 * -Dfuzz.duration=10m} fuzzes, starting from those seeds. The repository holds no ONNX files: the
 * seeds are written here.
 */
class OnnxReaderFuzzTest {
    /** Where Jazzer keeps (and starts from) its corpus when fuzzing, under the module folder. */
    private static final Path CORPUS = Path.of(".cifuzz-corpus", OnnxReaderFuzzTest.class.getName(), "readsOrRejectsWithFormatError");

    /** The reader reads files: each input overwrites this one. */
    @TempDir
    static Path dir;

    /** The sample embedder, a model with external weights and initializers listed as inputs, and an almost empty one. */
    static Map<String, byte[]> seeds() {
        return Map.of("seed-sample-embedder", OnnxWriter.sampleEmbedder().bytes(),
                "seed-external-weights", new OnnxWriter(8).opset("", 17).initializer("inside", 2, 3)
                        .externalInitializer("w", "model.onnx_data", 64, 64).input("x", OnnxWriter.FLOAT, "n", 64)
                        .output("y", OnnxWriter.FLOAT, "n", 64, null).bytes(),
                "seed-initializers-as-inputs", new OnnxWriter(3).producer("old-exporter", "0.1").opset("", 7)
                        .unpackedInitializer("fc.weight", 4, 4).input("data", OnnxWriter.FLOAT, 1, 4)
                        .input("fc.weight", OnnxWriter.FLOAT, 4, 4).output("out", OnnxWriter.FLOAT, 1, 4).bytes(),
                "seed-empty-graph", new OnnxWriter(1).bytes());
    }

    @BeforeAll
    static void seedTheCorpusWhenFuzzing() throws IOException {
        FuzzInputFile.seedCorpusWhenFuzzing(CORPUS, seeds());
    }

    @Test
    void theSeedsAreAcceptedAndPassTheFuzzChecks() throws IOException, OnnxFormatException {
        for (Map.Entry<String, byte[]> seed : seeds().entrySet()) {
            readsOrRejectsWithFormatError(seed.getValue());
            assertNotNull(OnnxReader.read(FuzzInputFile.overwrite(dir.resolve("fuzz.onnx"), seed.getValue())), seed.getKey());
        }
    }

    @FuzzTest
    void readsOrRejectsWithFormatError(byte[] bytes) throws IOException {
        Path file = FuzzInputFile.overwrite(dir.resolve("fuzz.onnx"), bytes);
        OnnxFile model;
        try {
            model = OnnxReader.read(file);
        } catch (OnnxFormatException e) {
            assertTrue(e.getMessage() != null && e.getMessage().lines().count() == 1,
                    () -> "a rejection is one line: " + e.getMessage());
            assertTrue(e.offset() >= 0 && e.offset() <= bytes.length, () -> "offset outside the file: " + e.getMessage());
            return;
        }
        assertTrue(model.irVersion() > 0, "ir_version " + model.irVersion());
        assertTrue(model.initializerCount() >= 0 && model.parameterCount() >= 0, model::toString);
        assertTrue(model.initializerCount() <= bytes.length, "more initializers than bytes");
        model.embeddingDimension().ifPresent(d -> assertTrue(d > 0, "embedding dimension " + d));
        model.opsetImports().forEach((domain, version) -> assertNotNull(domain));
        model.inputs().forEach(input -> {
            assertNotNull(input.name());
            assertNotNull(input.elementType());
            assertEquals(input.dims().size(), input.dims().stream().filter(d -> d != null).count(), input::toString);
        });
        model.defaultOpset();
        model.toString();
    }
}
