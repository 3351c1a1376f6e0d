package org.slmhub.validate;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slmhub.catalog.CatalogFiles;

/** The smoke block and the artifacts must fit the task: text models continue a prompt, embedding models compare sentences. */
class SmokeFieldRulesTest {
    private static final String HEAD = """
            schema: 1
            id: acme/embed
            name: Embed
            publisher: Acme
            summary: A synthetic manifest for the validator's own tests.
            license: Apache-2.0
            languages: [en]
            pipeline_tag: %s
            architecture: bert
            parameters: 1000
            context_length: 512
            card: |
              Made up.

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
                url: https://example.org/acme/embed/resolve/0123abc/model.onnx
                sha256: a11111111111111111111111111111111111111111111111111111111111111a
                size: 1024
            """;
    private static final String TOKENIZER = """
              - file: tokenizer.json
                format: json
                role: tokenizer
                url: https://example.org/acme/embed/resolve/0123abc/tokenizer.json
                sha256: b11111111111111111111111111111111111111111111111111111111111111b
                size: 2048
            """;
    private static final String EMBEDDING = """
            embedding:
              dimension: 4
              max_sequence_length: 128
              pooling: mean
            """;
    private static final String CLOSER = """
            smoke:
              closer:
                - anchor: A cat sits on the mat
                  nearer: A kitten rests on a rug
                  farther: Stock markets fell today
            """;

    @TempDir
    Path root;

    @Test
    void aCompleteEmbeddingManifestPasses() throws IOException {
        assertEquals(List.of(), findings(HEAD.formatted("feature-extraction") + TOKENIZER + EMBEDDING + CLOSER
                + "  values: {sentence: A cat sits on the mat, first: [0.1, -0.2, 0.3, 0.4], tolerance: 0.001}\n"));
    }

    @Test
    void anEmbeddingSmokeTakesSentencesNotAPrompt() throws IOException {
        assertEquals(List.of(
                "42:1 smoke-fields: smoke needs `closer` for a feature-extraction model",
                "43:3 smoke-fields: smoke.prompt does not apply to a feature-extraction model",
                "44:3 smoke-fields: smoke.max_tokens does not apply to a feature-extraction model"),
                findings(HEAD.formatted("feature-extraction") + TOKENIZER + "smoke:\n  prompt: Once upon a time\n  max_tokens: 8\n"
                        .replace("smoke:", EMBEDDING + "smoke:")));
    }

    @Test
    void anEmbeddingSmokeNeedsTheEmbeddingBlockAndOneTokenizer() throws IOException {
        assertEquals(List.of(
                "26:1 artifact-role: an ONNX embedding model with a smoke block needs exactly one `role: tokenizer` artifact, found 0",
                "32:1 smoke-fields: a sentence-similarity model with a smoke block needs `embedding` (dimension, max_sequence_length, pooling)"),
                findings(HEAD.formatted("sentence-similarity") + CLOSER));
    }

    @Test
    void recordedValuesCannotOutnumberTheDimension() throws IOException {
        assertEquals(List.of("49:5 smoke-fields: smoke.values.first holds 5 values, more than embedding.dimension 4"),
                findings(HEAD.formatted("feature-extraction") + TOKENIZER + EMBEDDING + CLOSER
                        + "  values:\n    sentence: A cat sits on the mat\n    first: [1, 2, 3, 4, 5]\n    tolerance: 0.001\n"));
    }

    @Test
    void aTextModelSmokeTakesAPromptAndNoEmbedding() throws IOException {
        assertEquals(List.of(
                "38:1 smoke-fields: `embedding` is for embedding models, but pipeline_tag is text-generation",
                "42:1 smoke-fields: smoke needs `prompt` and `max_tokens` for a text-generation model",
                "43:3 smoke-fields: smoke.closer does not apply to a text-generation model"),
                findings(HEAD.formatted("text-generation") + TOKENIZER + EMBEDDING + CLOSER));
    }

    @Test
    void aTokenizerIsAJsonFileAndAJsonFileATokenizer() throws IOException {
        String manifest = HEAD.formatted("feature-extraction") + TOKENIZER.replace("format: json", "format: onnx")
                + TOKENIZER.replace("tokenizer.json", "vocab.json").replace("    role: tokenizer\n", "").replace("b111", "c111");
        assertEquals(List.of(
                "33:5 artifact-role: artifacts[1]: a tokenizer is `format: json` with `role: tokenizer`, found format onnx with role tokenizer",
                "38:5 artifact-role: artifacts[2]: a tokenizer is `format: json` with `role: tokenizer`, found format json with role weights (the default)"),
                findings(manifest));
    }

    private List<String> findings(String manifest) throws IOException {
        Path file = root.resolve("models/acme/embed/model.yaml");
        Files.createDirectories(file.getParent());
        Files.writeString(file, manifest);
        CatalogFiles files = CatalogFiles.read(root.resolve("models"), List.of());
        return new Validator().validate(files.manifests(), List.of(), files.misplaced()).findings().stream()
                .filter(f -> f.rule() != Rule.URL_UNPINNED)
                .map(f -> f.position() + " " + f.rule().id() + ": " + f.message()).toList();
    }
}
