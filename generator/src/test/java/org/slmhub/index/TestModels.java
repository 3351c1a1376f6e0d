package org.slmhub.index;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.slmhub.catalog.ModelManifest;

/** Small manifests built in code, with only the fields a test cares about set. */
final class TestModels {
    private TestModels() {
    }

    static Builder model(String id) {
        return new Builder(id);
    }

    /** Writes an index of these models into a fresh folder under {@code parent}. */
    static Path index(Path parent, List<ModelManifest> models) throws IOException, IndexException {
        Path dir = parent.resolve("index");
        CatalogIndexer.write(dir, models, IndexInputs.none(Instant.parse("2025-01-01T00:00:00Z")));
        return dir;
    }

    static Path index(Path parent, List<ModelManifest> models, IndexInputs inputs) throws IOException, IndexException {
        Path dir = parent.resolve("index");
        CatalogIndexer.write(dir, models, inputs);
        return dir;
    }

    static IndexInputs inputs(Map<String, String> smoke) {
        return new IndexInputs(Map.of(), smoke, null, Instant.parse("2025-01-01T00:00:00Z"));
    }

    static final class Builder {
        private final String id;
        private String name;
        private String publisher;
        private String summary = "A small test model.";
        private String card = "## Intended use\nTests.\n";
        private String license = "MIT";
        private List<String> languages = List.of("en");
        private String task = "text-generation";
        private List<String> tags = List.of();
        private String arch = "llama";
        private long params = 1_000_000;
        private long context = 2048;
        private final List<ModelManifest.Artifact> artifacts = new ArrayList<>();

        private Builder(String id) {
            this.id = id;
            this.name = id.substring(id.indexOf('/') + 1);
            this.publisher = id.substring(0, id.indexOf('/'));
        }

        Builder name(String v) { name = v; return this; }
        Builder publisher(String v) { publisher = v; return this; }
        Builder summary(String v) { summary = v; return this; }
        Builder card(String v) { card = v; return this; }
        Builder license(String v) { license = v; return this; }
        Builder languages(String... v) { languages = List.of(v); return this; }
        Builder task(String v) { task = v; return this; }
        Builder tags(String... v) { tags = List.of(v); return this; }
        Builder arch(String v) { arch = v; return this; }
        Builder params(long v) { params = v; return this; }
        Builder context(long v) { context = v; return this; }

        Builder file(String format, String quant, long size) {
            String file = name + "-" + (quant == null ? "model" : quant) + "." + format;
            artifacts.add(new ModelManifest.Artifact(file, format, quant, "https://example.org/" + file, "0".repeat(64), size, null));
            return this;
        }

        ModelManifest build() {
            if (artifacts.isEmpty()) {
                file("gguf", "Q8_0", 1_000_000);
            }
            return new ModelManifest(1, id, name, publisher, summary, card, license, null, null, languages, task, tags, arch,
                    params, context, List.of(), null, List.of(), null, artifacts, null, null, List.of(), null);
        }
    }
}
