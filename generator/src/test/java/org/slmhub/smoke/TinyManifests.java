package org.slmhub.smoke;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/** Valid manifests for the tiny llamas tests write ({@link TinyLlama}), so CLI tests share one layout. */
public final class TinyManifests {
    /** The smoke block most tests use; its line numbers are asserted by the check tests. */
    public static final String SMOKE = "smoke:\n  prompt: Once upon a time\n  max_tokens: 8\n";

    private TinyManifests() {
    }

    /** One artifact: the file's name in the mirror, its declared quantization, digest and size. */
    public record Artifact(String file, String quantization, String sha256, long size) {
        public static Artifact of(Path gguf, String quantization) throws IOException {
            byte[] bytes = Files.readAllBytes(gguf);
            return new Artifact(gguf.getFileName().toString(), quantization, TinyManifests.sha256(bytes), bytes.length);
        }
    }

    /** The manifest text: fixed facts and card, the artifacts, then {@code tail} (e.g. {@link #SMOKE}) verbatim. */
    public static String yaml(String id, List<Artifact> artifacts, String tail) {
        StringBuilder yaml = new StringBuilder("""
                schema: 1
                id: %s
                name: Tiny
                publisher: Acme
                summary: A random tiny llama the tests write themselves.
                license: MIT
                languages: [en]
                pipeline_tag: text-generation
                architecture: llama
                parameters: 30000
                context_length: 512
                card: |
                  ## Intended use
                  Tests.
                  ## Limitations
                  Random weights.
                  ## Training data
                  None.
                  ## Bias and risks
                  None.
                artifacts:
                """.formatted(id));
        for (Artifact a : artifacts) {
            yaml.append("""
                      - file: %s
                        format: gguf
                        quantization: %s
                        url: https://example.org/acme/tiny/resolve/0123abc/%s
                        sha256: %s
                        size: %d
                    """.formatted(a.file(), a.quantization(), a.file(), a.sha256(), a.size()));
        }
        return yaml.append(tail).toString();
    }

    /** Writes {@code <catalog>/<id>/model.yaml} and returns its path. */
    public static Path write(Path catalog, String id, String yaml) throws IOException {
        Path path = catalog.resolve(id).resolve("model.yaml");
        Files.createDirectories(path.getParent());
        Files.writeString(path, yaml);
        return path;
    }

    public static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
