package org.slmhub.validate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slmhub.TestPaths;
import org.slmhub.cli.CliRun;
import org.slmhub.onnx.OnnxWriter;

/**
 * Level 4 for ONNX models end to end through {@code slmhub validate --artifacts}: models
 * {@link OnnxWriter} writes and tokenizer files, served from a mirror folder, checked against
 * manifests that tell the truth or lie in one field; and the catalog's real all-MiniLM-L6-v2
 * with the bytes its Maven Central jar holds.
 */
class OnnxArtifactCheckTest {
    /** A tokenizer.json in the shape Hugging Face's tokenizers library writes, cut down. */
    static final String TOKENIZER = "{\"version\":\"1.0\",\"truncation\":null,\"added_tokens\":[],"
            + "\"model\":{\"type\":\"WordPiece\",\"unk_token\":\"[UNK]\",\"vocab\":{\"[PAD]\":0,\"[UNK]\":1,\"hello\":2}}}";

    @TempDir
    Path tmp;
    Path mirror;
    Path catalog;

    @BeforeEach
    void folders() throws IOException {
        mirror = Files.createDirectories(tmp.resolve("mirror"));
        catalog = Files.createDirectories(tmp.resolve("models"));
    }

    /**
     * Writes model.onnx and tokenizer.json into the mirror and a manifest describing them. Lines:
     * 8 pipeline_tag, 10 parameters, 22 the model's file, 27 the tokenizer's file, 34 embedding.dimension
     * ({@code dimension} 0 leaves the embedding block out); {@code extra} is appended to the artifacts.
     */
    private void manifest(byte[] model, byte[] tokenizer, String task, long parameters, int dimension, String extra) throws IOException {
        Files.write(mirror.resolve("model.onnx"), model);
        Files.write(mirror.resolve("tokenizer.json"), tokenizer);
        String yaml = """
                schema: 1
                id: acme/embedder
                name: Embedder
                publisher: Acme
                summary: An ONNX model the test wrote, to check level 4 of validation.
                license: Apache-2.0
                languages: [en]
                pipeline_tag: %s
                architecture: bert
                parameters: %d
                context_length: 512
                card: |
                  ## Intended use
                  Tests.
                  ## Limitations
                  None.
                  ## Training data
                  None.
                  ## Bias and risks
                  None.
                artifacts:
                  - file: model.onnx
                    format: onnx
                    url: https://example.org/acme/embedder/resolve/0123abc/model.onnx
                    sha256: %s
                    size: %d
                  - file: tokenizer.json
                    format: json
                    role: tokenizer
                    url: https://example.org/acme/embedder/resolve/0123abc/tokenizer.json
                    sha256: %s
                    size: %d
                %s""".formatted(task, parameters, ArtifactCheckTest.sha256(model), model.length,
                ArtifactCheckTest.sha256(tokenizer), tokenizer.length, extra);
        if (dimension > 0) {
            yaml += """
                    embedding:
                      dimension: %d
                      max_sequence_length: 256
                      pooling: mean
                    """.formatted(dimension);
        }
        Path target = catalog.resolve("acme/embedder/model.yaml");
        Files.createDirectories(target.getParent());
        Files.writeString(target, yaml);
    }

    private void embedder(byte[] model, long parameters, int dimension) throws IOException {
        manifest(model, TOKENIZER.getBytes(StandardCharsets.UTF_8), "feature-extraction", parameters, dimension, "");
    }

    private static byte[] sample() {
        return OnnxWriter.sampleEmbedder().bytes();
    }

    private JsonNode validate() throws IOException {
        CliRun run = CliRun.of("validate", "--catalog", catalog.toString(), "--artifacts", "--offline",
                "--cache", tmp.resolve("cache").toString(), "--mirror", mirror.toString(), "--format", "json");
        JsonNode json = new ObjectMapper().readTree(run.out());
        assertEquals(json.get("errors").asInt() == 0 ? 0 : 1, run.exitCode(), run::toString);
        return json.get("findings");
    }

    private static void assertOnly(JsonNode findings, String rule, int line, String message) {
        assertEquals(1, findings.size(), findings::toPrettyString);
        JsonNode f = findings.get(0);
        assertEquals(rule, f.get("rule").asText(), findings::toPrettyString);
        assertEquals(line, f.get("line").asInt(), findings::toPrettyString);
        assertEquals(message, f.get("message").asText());
    }

    @Test
    void aTruthfulEmbedderPasses() throws IOException {
        embedder(sample(), OnnxWriter.SAMPLE_PARAMETERS, OnnxWriter.SAMPLE_DIMENSION);
        assertEquals(0, validate().size());
    }

    @Test
    void parameterCountWithinTheToleranceStillPasses() throws IOException {
        embedder(sample(), OnnxWriter.SAMPLE_PARAMETERS * 21 / 20, OnnxWriter.SAMPLE_DIMENSION);
        assertEquals(0, validate().size());
    }

    @Test
    void parameterMismatchNamesBothCounts() throws IOException {
        embedder(sample(), 5000, OnnxWriter.SAMPLE_DIMENSION);
        assertOnly(validate(), "onnx-parameters", 10,
                "parameters: manifest says 5000, the initializers in model.onnx hold 328 (more than 10% apart)");
    }

    @Test
    void dimensionMismatchShowsTheOutput() throws IOException {
        embedder(sample(), OnnxWriter.SAMPLE_PARAMETERS, 384);
        assertOnly(validate(), "onnx-dimension", 34, "embedding.dimension: manifest says 384, the first output of model.onnx"
                + " ends in 8 (last_hidden_state: FLOAT[batch_size, sequence_length, 8])");
    }

    @Test
    void aSymbolicOutputDimensionIsNotChecked() throws IOException {
        byte[] model = new OnnxWriter(8).opset("", 14).initializer("w", 16, 20).input("input_ids", OnnxWriter.INT64, "batch", "seq")
                .output("hidden", OnnxWriter.FLOAT, "batch", "seq", "hidden_size").bytes();
        embedder(model, 320, 384);
        assertEquals(0, validate().size());
    }

    @Test
    void anEmbedderWithoutInputIdsNamesItsInputs() throws IOException {
        byte[] model = new OnnxWriter(8).opset("", 14).initializer("w", 16, 20)
                .input("pixel_values", OnnxWriter.FLOAT, "batch", 3, 224, 224).input("mask", OnnxWriter.INT64, "batch")
                .output("embeds", OnnxWriter.FLOAT, "batch", 8).bytes();
        embedder(model, 320, 8);
        assertOnly(validate(), "onnx-inputs", 22, "model.onnx takes no input_ids (its inputs: pixel_values, mask)");
    }

    @Test
    void aTextModelNeedsNoInputIdsAndNoDimension() throws IOException {
        byte[] model = new OnnxWriter(8).opset("", 14).initializer("w", 16, 20).input("tokens", OnnxWriter.INT64, "batch", "seq")
                .output("logits", OnnxWriter.FLOAT, "batch", "seq", 50257).bytes();
        manifest(model, TOKENIZER.getBytes(StandardCharsets.UTF_8), "text-generation", 320, 0, "");
        assertEquals(0, validate().size());
    }

    @Test
    void externalWeightsNotListedAreNotCounted() throws IOException {
        byte[] model = new OnnxWriter(8).opset("", 14).externalInitializer("w", "model.onnx_data", 1000, 1000)
                .input("input_ids", OnnxWriter.INT64, "batch", "seq").output("hidden", OnnxWriter.FLOAT, "batch", "seq", 8).bytes();
        embedder(model, 5000, 8);
        assertEquals(0, validate().size(), "the data file is not an artifact, so the count is not checked");
    }

    @Test
    void externalWeightsListedAreCounted() throws IOException {
        byte[] model = new OnnxWriter(8).opset("", 14).externalInitializer("w", "model.onnx_data", 1000, 1000)
                .input("input_ids", OnnxWriter.INT64, "batch", "seq").output("hidden", OnnxWriter.FLOAT, "batch", "seq", 8).bytes();
        byte[] data = new byte[64]; // not read: external data is raw bytes, no ONNX header to check
        Files.write(mirror.resolve("model.onnx_data"), data);
        String listed = """
                  - file: model.onnx_data
                    format: onnx
                    role: external-data
                    url: https://example.org/acme/embedder/resolve/0123abc/model.onnx_data
                    sha256: %s
                    size: 64
                """.formatted(ArtifactCheckTest.sha256(data));
        manifest(model, TOKENIZER.getBytes(StandardCharsets.UTF_8), "feature-extraction", 5000, 0, listed);
        assertOnly(validate(), "onnx-parameters", 10,
                "parameters: manifest says 5000, the initializers in model.onnx hold 1000000 (more than 10% apart)");
    }

    @Test
    void anHtmlPageIsNotAModel() throws IOException {
        embedder("<!doctype html><title>Not Found</title>".getBytes(StandardCharsets.UTF_8), 328, 8);
        assertOnly(validate(), "onnx-header", 22,
                "model.onnx is not a readable ONNX model: field 7 at offset 0 uses the group wire type 4, which ONNX does not use");
    }

    @Test
    void aTokenizerThatIsNotOne() throws IOException {
        manifest(sample(), "{\"vocab\": {\"a\": 1}}".getBytes(StandardCharsets.UTF_8), "feature-extraction", 328, 8, "");
        assertOnly(validate(), "tokenizer-file", 27, "tokenizer.json is not a Hugging Face tokenizer.json: the top-level object has no `model`");
    }

    @Test
    void theCatalogsAllMiniLmPassesWithTheBytesOfItsMavenCentralJar() throws IOException {
        copyResource("/all-minilm-l6-v2-q.onnx", mirror.resolve("model_quantized.onnx"));
        copyResource("/all-minilm-l6-v2-q-tokenizer.json", mirror.resolve("tokenizer.json"));
        Path models = TestPaths.repoRoot().resolve("models");
        long start = System.nanoTime();
        CliRun run = CliRun.of("validate", "--catalog", models.toString(), "--artifacts", "--offline",
                "--cache", tmp.resolve("cache").toString(), "--mirror", mirror.toString(),
                models.resolve("xenova/all-minilm-l6-v2").toString());
        System.out.printf("validate --artifacts of xenova/all-minilm-l6-v2 (23 MB model, both files hashed): %d ms%n",
                (System.nanoTime() - start) / 1_000_000);
        assertEquals(0, run.exitCode(), run::toString);
        assertTrue(run.out().contains("checked 1 manifest"), run::toString);
    }

    private static void copyResource(String name, Path target) throws IOException {
        try (InputStream in = OnnxArtifactCheckTest.class.getResourceAsStream(name)) {
            assertNotNull(in, name + " is missing from the test classpath");
            Files.copy(in, target);
        }
    }
}
