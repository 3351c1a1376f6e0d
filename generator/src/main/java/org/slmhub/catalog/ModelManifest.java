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
        Embedding embedding,
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
        public static final String TOKENIZER = "tokenizer";

        public boolean holdsWeights() {
            return role == null || role.equals("weights");
        }
    }

    /** Whether this is an embedding model: its smoke compares sentences instead of continuing a prompt. */
    public boolean embeds() {
        return EMBEDDING_TASKS.contains(pipelineTag);
    }

    /** The tasks whose models return sentence embeddings. */
    public static final List<String> EMBEDDING_TASKS = List.of("feature-extraction", "sentence-similarity");

    /** The artifacts that hold weights (a missing role means weights). */
    public List<Artifact> weights() {
        return artifacts.stream().filter(Artifact::holdsWeights).toList();
    }

    /** What an embedding model returns: {@code normalize} defaults to true when absent. */
    public record Embedding(int dimension, int maxSequenceLength, String pooling, Boolean normalize) {
        public boolean normalizes() {
            return normalize == null || normalize;
        }
    }

    /**
     * The smoke inference CI runs. A text model's has {@code prompt} and {@code maxTokens},
     * and {@code expect} once recorded; an embedding model's has {@code closer} triples and
     * {@code values} once recorded. Which fields go with which task is a catalog rule.
     */
    public record Smoke(String prompt, Integer maxTokens, Expect expect, List<Closer> closer, RecordedValues values) {
        public Smoke {
            closer = listOrEmpty(closer);
        }
    }

    /** {@code anchor} must be nearer {@code nearer} than {@code farther}, by cosine. */
    public record Closer(String anchor, String nearer, String farther) {
    }

    /** The first values of {@code sentence}'s embedding, each to be met within {@code tolerance}. */
    public record RecordedValues(String sentence, List<Double> first, double tolerance) {
        public RecordedValues {
            first = listOrEmpty(first);
        }
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
