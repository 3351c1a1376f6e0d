package org.slmhub.catalog;

import java.util.List;

/**
 * One model of the catalog: its card and its manifest, as {@code model.yaml} holds them. The JSON
 * Schema in {@code schema/model.schema.json} is the source of truth; these records mirror it and
 * the binder rejects unknown keys, so the two cannot drift apart silently.
 */
public record ModelManifest(
        int schema,
        String id,
        String name,
        String publisher,
        String summary,
        String card,
        String license,
        String licenseName,
        String licenseLink,
        List<String> languages,
        String pipelineTag,
        List<String> tags,
        String architecture,
        long parameters,
        long contextLength,
        List<String> baseModel,
        String baseModelRelation,
        List<String> datasets,
        Requires requires,
        List<Artifact> artifacts,
        Smoke smoke,
        List<Evaluation> evaluations,
        Links links) {

    public ModelManifest {
        languages = listOrEmpty(languages);
        tags = listOrEmpty(tags);
        baseModel = listOrEmpty(baseModel);
        datasets = listOrEmpty(datasets);
        artifacts = listOrEmpty(artifacts);
        evaluations = listOrEmpty(evaluations);
    }

    /** The publisher part of the id (the first folder under models/). */
    public String publisherSlug() {
        return id.substring(0, id.indexOf('/'));
    }

    private static <T> List<T> listOrEmpty(List<T> list) {
        return list == null ? List.of() : List.copyOf(list);
    }

    /** What an engine must support to run the artifacts. */
    public record Requires(String engine, String minVersion, String note) {
    }

    /** One downloadable file. */
    public record Artifact(String file, String format, String quantization, String url, String sha256, long size, String role) {
    }

    /** The smoke inference CI runs; {@code expect} is absent until recorded. */
    public record Smoke(String prompt, int maxTokens, Expect expect) {
    }

    /** Exactly one of the three is set (the schema enforces it). */
    public record Expect(String exact, String contains, String regex) {
    }

    public record Evaluation(String benchmark, String metric, double value, String source) {
    }

    public record Links(String homepage, String repository, String paper, List<String> sources) {
        public Links {
            sources = listOrEmpty(sources);
        }
    }
}
