package org.slmhub.site;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.slmhub.catalog.ModelManifest;
import org.slmhub.catalog.ModelRef;
import org.slmhub.history.ModelHistory;

/**
 * One model as the templates see it: plain maps of strings, so Freemarker needs no object
 * wrapping and {@code toString()} is a stable fingerprint of what a page shows (the incremental
 * build compares it).
 */
final class ModelView {
    private ModelView() {
    }

    /** The short form listings, the home page and the compare page use. */
    static Map<String, Object> row(ModelManifest m, ModelHistory.Dates dates, String base) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("id", m.id());
        row.put("name", m.name());
        row.put("url", base + modelPath(m.id()));
        row.put("publisher", m.publisher());
        row.put("publisherPath", Slugs.of(m.publisher()));
        row.put("summary", m.summary());
        row.put("license", licenseLabel(m));
        row.put("licenseSlug", Slugs.of(licenseLabel(m)));
        row.put("task", nonNull(m.pipelineTag()));
        row.put("architecture", nonNull(m.architecture()));
        row.put("architectureSlug", Slugs.of(m.architecture() == null ? "unknown" : m.architecture()));
        row.put("params", HumanUnits.params(m.parameters()));
        row.put("paramsSort", HumanUnits.sortKey(m.parameters()));
        row.put("context", HumanUnits.tokens(m.contextLength()));
        // weights only: a tokenizer file is neither the model's size nor a quantization
        List<ModelManifest.Artifact> weights = m.weights();
        row.put("size", weights.stream().mapToLong(ModelManifest.Artifact::size).min().stream()
                .mapToObj(HumanUnits::bytes).findFirst().orElse(""));
        row.put("quantizations", String.join(", ", weights.stream().map(ModelView::quant).distinct().toList()));
        row.put("added", dates == null ? "" : HumanUnits.day(dates.added()));
        row.put("filters", filters(m));
        return row;
    }

    /** Everything a model page shows. */
    static Map<String, Object> page(ModelManifest m, Context c) {
        Map<String, Object> v = new LinkedHashMap<>(row(m, c.dates(), c.base()));
        v.put("card", c.card());
        v.put("licenseLink", m.licenseLink() == null ? "" : m.licenseLink());
        v.put("parameters", HumanUnits.grouped(m.parameters()));
        v.put("contextLength", HumanUnits.grouped(m.contextLength()));
        v.put("languages", String.join(", ", m.languages()));
        v.put("embedding", m.embedding() == null ? Map.of() : Map.of("dimension", HumanUnits.grouped(m.embedding().dimension()),
                "maxSequenceLength", HumanUnits.grouped(m.embedding().maxSequenceLength()),
                "pooling", m.embedding().pooling() + (m.embedding().normalizes() ? ", normalized to length 1" : "")));
        v.put("artifacts", m.artifacts().stream().map(ModelView::artifact).toList());
        v.put("smoke", c.smoke().map(ModelView::smoke).orElse(Map.of()));
        v.put("evaluations", m.evaluations().stream().map(e -> Map.of("benchmark", e.benchmark(), "metric", e.metric(),
                "value", String.format(Locale.ROOT, "%.4g", e.value()), "source", nonNull(e.source()))).toList());
        v.put("bases", c.bases());
        v.put("derivatives", c.derivatives());
        Optional<ModelManifest.Artifact> main = ModelRef.parse(m.id()).pick(m, new StringBuilder());
        v.put("runArtifact", main.map(ModelManifest.Artifact::file).orElse(""));
        v.put("snippets", main.map(a -> RunSnippets.of(m, a)).orElse(Map.of()).entrySet().stream()
                .map(e -> Map.of("tool", e.getKey(), "code", e.getValue())).toList());
        v.put("history", c.dates() == null ? Map.of() : Map.of("added", HumanUnits.day(c.dates().added()),
                "updated", HumanUnits.day(c.dates().updated()), "contributors", String.join(", ", c.dates().contributors())));
        v.put("editUrl", c.editUrl());
        v.put("tags", String.join(", ", m.tags()));
        v.put("dateSort", c.dates() == null ? "" : HumanUnits.day(c.dates().updated()));
        v.put("compareVariants", compareVariants(m));
        v.put("variantCount", Integer.toString(m.weights().size()));
        return v;
    }

    /**
     * The compare page's query for every weights file of the model side by side, each named as
     * {@code slmhub pull} takes it (its quantization where no other file shares it, else its file); "" for one file.
     */
    static String compareVariants(ModelManifest m) {
        List<ModelManifest.Artifact> weights = m.weights();
        if (weights.size() < 2) {
            return "";
        }
        return weights.stream().map(a -> {
            String q = a.quantization();
            boolean unique = q != null && weights.stream().filter(b -> q.equalsIgnoreCase(b.quantization())).count() == 1;
            return URLEncoder.encode(m.id() + ":" + (unique ? q : a.file()), StandardCharsets.UTF_8);
        }).collect(Collectors.joining(","));
    }

    /** What a model page needs from the rest of the catalog and the build. */
    record Context(String base, CardHtml.Lazy card, ModelHistory.Dates dates, Optional<SmokeResults.Result> smoke,
                   List<Map<String, String>> bases, List<Map<String, Object>> derivatives, String editUrl) {
    }

    static String modelPath(String id) {
        return "models/" + id + "/";
    }

    static String licenseLabel(ModelManifest m) {
        return "other".equals(m.license()) && m.licenseName() != null ? m.licenseName() : m.license();
    }

    private static Map<String, Object> artifact(ModelManifest.Artifact a) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("file", a.file());
        v.put("format", a.format());
        v.put("quantization", ModelManifest.Artifact.TOKENIZER.equals(a.role()) ? "tokenizer" : quant(a));
        v.put("size", HumanUnits.bytes(a.size()));
        v.put("bytes", HumanUnits.grouped(a.size()));
        v.put("sha256", a.sha256());
        v.put("url", a.url());
        v.put("role", a.role() == null ? "weights" : a.role());
        return v;
    }

    private static Map<String, Object> smoke(SmokeResults.Result r) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("status", r.status());
        v.put("date", r.date().length() >= 10 ? r.date().substring(0, 10) : r.date());
        v.put("quantization", r.quantization());
        v.put("text", r.text());
        v.put("memory", r.peakRssBytes() < 0 ? "" : HumanUnits.bytes(r.peakRssBytes()));
        if (r.embedding() == null) {
            v.put("speed", r.tokensPerSecond() < 0 ? "" : String.format(Locale.ROOT, "%.1f tokens/s", r.tokensPerSecond()));
        } else {
            SmokeResults.Embedding e = r.embedding();
            v.put("speed", e.sentencesPerSecond() < 0 ? "" : String.format(Locale.ROOT, "%.0f sentences/s", e.sentencesPerSecond()));
            v.put("dimension", e.dimension() > 0 ? Integer.toString(e.dimension()) : "");
            v.put("closer", e.closer().stream().map(c -> Map.of("anchor", c.anchor(), "nearer", c.nearer(), "farther", c.farther(),
                    "nearerCosine", String.format(Locale.ROOT, "%.3f", c.nearerCosine()),
                    "fartherCosine", String.format(Locale.ROOT, "%.3f", c.fartherCosine()))).toList());
        }
        return v;
    }

    /**
     * Pagefind filters: name to values; a model can have several formats, quantizations and languages.
     * Model pages declare them, list rows carry them for filtering without search, SitePlan counts them.
     */
    static Map<String, List<String>> filters(ModelManifest m) {
        Map<String, List<String>> f = new LinkedHashMap<>();
        f.put("task", List.of(nonNull(m.pipelineTag())));
        f.put("license", List.of(licenseLabel(m)));
        f.put("architecture", List.of(nonNull(m.architecture())));
        List<ModelManifest.Artifact> weights = m.weights();
        f.put("format", weights.stream().map(ModelManifest.Artifact::format).distinct().toList());
        f.put("quantization", weights.stream().map(ModelView::quant).distinct().toList());
        f.put("language", new ArrayList<>(m.languages()));
        f.put("size", List.of(HumanUnits.sizeBand(m.parameters())));
        return f;
    }

    private static String quant(ModelManifest.Artifact a) {
        return a.quantization() == null ? a.format() : a.quantization().toUpperCase(Locale.ROOT);
    }

    private static String nonNull(String s) {
        return s == null ? "" : s;
    }
}
