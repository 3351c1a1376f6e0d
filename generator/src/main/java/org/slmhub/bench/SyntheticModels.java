package org.slmhub.bench;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.slmhub.catalog.ModelManifest;
import org.slmhub.history.ModelHistory;
import org.slmhub.index.IndexInputs;

/**
 * The synthetic catalog of {@link SyntheticCatalog} as manifest records in memory, with the same
 * vocabularies, ids and spread, plus made-up Git dates and smoke statuses. The index benchmark
 * uses it at 100,000 models, where writing and parsing that much YAML would take minutes and
 * measure the YAML parser rather than the index.
 */
public final class SyntheticModels {
    private static final Instant EPOCH = Instant.parse("2023-01-01T00:00:00Z");
    private static final String[] SMOKE = {"passed", "passed", "passed", "load-failed", "output-mismatch", "unknown"};

    private SyntheticModels() {
    }

    /** The same count and seed always give the same models. */
    public static List<ModelManifest> generate(int count, long seed) {
        Random r = new Random(seed);
        List<ModelManifest> models = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            String publisher = "pub" + (i % Math.max(1, count / 20));
            String name = SyntheticCatalog.WORDS[r.nextInt(SyntheticCatalog.WORDS.length)] + "-" + i;
            models.add(manifest(publisher + "/" + name, r));
        }
        return models;
    }

    /** Dates spread over two years and a smoke status for each model. */
    public static IndexInputs inputs(List<ModelManifest> models, long seed) {
        Random r = new Random(seed);
        Map<String, ModelHistory.Dates> dates = new HashMap<>();
        Map<String, String> smoke = new HashMap<>();
        for (ModelManifest m : models) {
            Instant added = EPOCH.plus(Duration.ofMinutes(r.nextInt(2 * 365 * 24 * 60)));
            dates.put(m.id(), new ModelHistory.Dates(added, added.plus(Duration.ofMinutes(r.nextInt(180 * 24 * 60))), List.of("bench")));
            smoke.put(m.id(), SMOKE[r.nextInt(SMOKE.length)]);
        }
        return new IndexInputs(dates, smoke, null, Instant.now());
    }

    private static ModelManifest manifest(String id, Random r) {
        String arch = SyntheticCatalog.ARCHS[r.nextInt(SyntheticCatalog.ARCHS.length)];
        String license = SyntheticCatalog.LICENSES[r.nextInt(SyntheticCatalog.LICENSES.length)];
        long params = SyntheticCatalog.PARAMS[r.nextInt(SyntheticCatalog.PARAMS.length)];
        String name = id.substring(id.indexOf('/') + 1);
        String summary = "A synthetic " + arch + " model for benchmarks, " + words(r, 6);
        List<String> languages = List.of(SyntheticCatalog.LANGS).subList(0, 1 + r.nextInt(3));
        String task = SyntheticCatalog.TASKS[r.nextInt(SyntheticCatalog.TASKS.length)];
        long context = 2048L << r.nextInt(6);
        String card = words(r, 20 + r.nextInt(400)) + "\n\n## Intended use\n" + words(r, 30) + "\n\n## Limitations\n" + words(r, 30)
                + "\n\n## Training data\n" + words(r, 20) + "\n\n## Bias and risks\n" + words(r, 20) + "\n";
        List<ModelManifest.Artifact> artifacts = new ArrayList<>();
        int variants = 1 + r.nextInt(4);
        for (int v = 0; v < variants; v++) {
            String quant = SyntheticCatalog.QUANTS[(v * 3 + r.nextInt(2)) % SyntheticCatalog.QUANTS.length];
            String file = name + "-" + quant + "-" + v + ".gguf";
            artifacts.add(new ModelManifest.Artifact(file, "gguf", quant, "https://example.org/" + id + "/resolve/0123456789abcdef/" + file,
                    SyntheticCatalog.sha256(id + "#" + v), params / 2 + r.nextInt(1 << 20), null));
        }
        return new ModelManifest(1, id, name, id.substring(0, id.indexOf('/')), summary, card, license,
                license.equals("other") ? "custom-terms" : null, license.equals("other") ? "https://example.org/licenses/custom" : null,
                languages, task, List.of("synthetic", arch), arch, params, context, List.of("Upstream/" + arch + "-base"), "quantized",
                List.of(), null, artifacts, null, new ModelManifest.Smoke("Once upon a time", 16, null, List.of(), null), List.of(), null);
    }

    private static String words(Random r, int n) {
        return SyntheticCatalog.words(r, n).replace("\n  ", "\n");
    }
}
