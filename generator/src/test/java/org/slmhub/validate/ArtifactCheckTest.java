package org.slmhub.validate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slmhub.TestPaths;
import org.slmhub.cli.CliRun;
import org.slmhub.gguf.GgmlType;
import org.slmhub.gguf.GgufTestFiles;
import org.slmhub.gguf.GgufType;
import org.slmhub.gguf.GgufWriter;

/**
 * Level 4 end to end through {@code slmhub validate --artifacts}: GGUF files the test writes,
 * served from a mirror folder, checked against manifests that tell the truth or lie in one field.
 */
class ArtifactCheckTest {
    @TempDir
    Path tmp;
    Path mirror;
    Path catalog;

    @BeforeEach
    void folders() throws IOException {
        mirror = Files.createDirectories(tmp.resolve("mirror"));
        catalog = Files.createDirectories(tmp.resolve("models"));
    }

    /** The sample model: llama, Q4_K_M (file_type 15), context 2048, 2304 weights, a tokenizer. */
    private byte[] sampleGguf() {
        return GgufTestFiles.sampleModel(3).bytes();
    }

    private void manifest(byte[] file, String architecture, long parameters, long context, String quantization) throws IOException {
        manifest(file, file.length, sha256(file), architecture, parameters, context, quantization);
    }

    private void manifest(byte[] file, long size, String sha, String architecture, long parameters, long context, String quantization)
            throws IOException {
        Files.write(mirror.resolve("sample.gguf"), file);
        String yaml = """
                schema: 1
                id: acme/sample
                name: Sample
                publisher: Acme
                summary: A GGUF the test wrote, to check level 4 of validation.
                license: Apache-2.0
                languages: [en]
                pipeline_tag: text-generation
                architecture: %s
                parameters: %d
                context_length: %d
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
                  - file: sample.gguf
                    format: gguf
                    quantization: %s
                    url: https://example.org/acme/sample/resolve/0123abc/sample.gguf
                    sha256: %s
                    size: %d
                """.formatted(architecture, parameters, context, quantization, sha, size);
        Path target = catalog.resolve("acme/sample/model.yaml");
        Files.createDirectories(target.getParent());
        Files.writeString(target, yaml);
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
    void aTruthfulManifestPasses() throws IOException {
        manifest(sampleGguf(), "llama", 2304, 2048, "Q4_K_M");
        assertEquals(0, validate().size());
    }

    @Test
    void parameterCountWithinTheToleranceStillPasses() throws IOException {
        manifest(sampleGguf(), "llama", 2304 + 2304 / 20, 2048, "Q4_K_M");
        assertEquals(0, validate().size());
    }

    @Test
    void architectureMismatchNamesBothValues() throws IOException {
        manifest(sampleGguf(), "qwen2", 2304, 2048, "Q4_K_M");
        assertOnly(validate(), "gguf-architecture", 9, "architecture: manifest says qwen2, the GGUF header of sample.gguf says llama");
    }

    @Test
    void parameterMismatchBeyondToleranceNamesBothCounts() throws IOException {
        manifest(sampleGguf(), "llama", 5000, 2048, "Q4_K_M");
        assertOnly(validate(), "gguf-parameters", 10,
                "parameters: manifest says 5000, the tensors in sample.gguf hold 2304 (more than 10% apart)");
    }

    @Test
    void contextLengthMismatch() throws IOException {
        manifest(sampleGguf(), "llama", 2304, 4096, "Q4_K_M");
        assertOnly(validate(), "gguf-context", 11, "context_length: manifest says 4096, the GGUF header of sample.gguf says 2048");
    }

    @Test
    void quantizationMismatch() throws IOException {
        manifest(sampleGguf(), "llama", 2304, 2048, "Q8_0");
        assertOnly(validate(), "gguf-quantization", 24, "quantization: manifest says Q8_0, the GGUF header of sample.gguf says Q4_K_M");
    }

    @Test
    void missingTokenizer() throws IOException {
        byte[] noTokenizer = new GgufWriter(3)
                .put("general.architecture", "llama")
                .put("llama.context_length", GgufType.UINT32, 2048L)
                .tensor("token_embd.weight", GgmlType.F32, 64, 4)
                .bytes();
        manifest(noTokenizer, "llama", 256, 2048, "F32");
        assertOnly(validate(), "gguf-tokenizer", 22,
                "sample.gguf has no tokenizer (tokenizer.ggml.model and tokenizer.ggml.tokens)");
    }

    @Test
    void unreadableHeader() throws IOException {
        byte[] html = "<!doctype html><title>Not Found</title>".getBytes();
        manifest(html, "llama", 2304, 2048, "Q4_K_M");
        JsonNode findings = validate();
        assertEquals(1, findings.size(), findings::toPrettyString);
        assertEquals("gguf-header", findings.get(0).get("rule").asText());
        assertTrue(findings.get(0).get("message").asText().startsWith("sample.gguf is not a readable GGUF file: bad magic"),
                findings::toPrettyString);
    }

    @Test
    void digestMismatchOfAMirrorFileNamesBothDigests() throws IOException {
        byte[] file = sampleGguf();
        String wrong = "f".repeat(63) + "1";
        manifest(file, file.length, wrong, "llama", 2304, 2048, "Q4_K_M");
        JsonNode findings = validate();
        assertEquals(1, findings.size(), findings::toPrettyString);
        assertEquals("artifact-sha256", findings.get(0).get("rule").asText());
        assertEquals(26, findings.get(0).get("line").asInt());
        String message = findings.get(0).get("message").asText();
        assertTrue(message.contains(sha256(file)) && message.contains(wrong), message);
    }

    @Test
    void sizeMismatchOfAMirrorFileNamesBothSizes() throws IOException {
        byte[] file = sampleGguf();
        manifest(file, file.length + 10L, sha256(file), "llama", 2304, 2048, "Q4_K_M");
        JsonNode findings = validate();
        assertEquals(1, findings.size(), findings::toPrettyString);
        assertEquals("artifact-size", findings.get(0).get("rule").asText());
        assertEquals(27, findings.get(0).get("line").asInt());
        assertTrue(findings.get(0).get("message").asText().endsWith("has " + file.length + " bytes, expected " + (file.length + 10)),
                findings::toPrettyString);
    }

    @Test
    void offlineWithoutTheFileIsUnavailable() throws IOException {
        manifest(sampleGguf(), "llama", 2304, 2048, "Q4_K_M");
        Files.delete(mirror.resolve("sample.gguf"));
        JsonNode findings = validate();
        assertEquals(1, findings.size(), findings::toPrettyString);
        assertEquals("artifact-unavailable", findings.get(0).get("rule").asText());
        assertEquals(25, findings.get(0).get("line").asInt());
    }

    @Test
    void theSeedModelsWithLocalBytesPassLevelFour() {
        var shared = TestPaths.sharedModels();
        assumeTrue(shared.isPresent(), TestPaths.SHARED_ABSENT);
        Path models = TestPaths.repoRoot().resolve("models");
        CliRun run = CliRun.of("validate", "--catalog", models.toString(), "--artifacts", "--offline",
                "--cache", tmp.resolve("cache").toString(), "--mirror", shared.get().toString(),
                models.resolve("ggml-org/stories260k").toString(), models.resolve("aladar/llama-2-tiny-random").toString());
        assertEquals(0, run.exitCode(), run::toString);
        assertTrue(run.out().contains("checked 2 manifests: no problems"), run::toString);
    }

    @Test
    void quantizationInferredFromTensorsAcceptsItsVariants() {
        assertTrue(ArtifactCheck.quantizationMatches("Q4_K_M", "Q4_K", false));
        assertTrue(ArtifactCheck.quantizationMatches("F32", "F32", false));
        assertEquals(false, ArtifactCheck.quantizationMatches("Q4_K_M", "Q4_K", true));
        assertEquals(false, ArtifactCheck.quantizationMatches("Q8_0", "Q4_K", false));
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

}
