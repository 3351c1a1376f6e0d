package org.slmhub.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.slmhub.catalog.CatalogEntry;
import org.slmhub.catalog.ModelManifest;
import org.slmhub.smoke.EmbeddingExpectations;
import org.slmhub.smoke.EmbeddingOutcome;
import org.slmhub.smoke.EmbeddingRequest;
import org.slmhub.smoke.ExpectRecorder;
import org.slmhub.smoke.ForkedEmbedder;
import org.slmhub.smoke.ModelResult;
import org.slmhub.smoke.SmokeLimits;
import org.slmhub.smoke.ValuesRecorder;
import org.slmhub.smoke.Verdict;

/**
 * Wires the stages for an embedding model: the store gets the ONNX weights and the tokenizer, the
 * forked embedder embeds the manifest's sentences, the expectations judge the vectors.
 */
final class EmbeddingSmoke {
    private final SmokeModel.VerifiedFiles files;
    private final SmokeLimits limits;
    private final boolean record;
    private final ForkedEmbedder embedder = new ForkedEmbedder();

    EmbeddingSmoke(SmokeModel.VerifiedFiles files, SmokeLimits limits, boolean record) {
        this.files = files;
        this.limits = limits;
        this.record = record;
    }

    ModelResult run(CatalogEntry entry, ModelManifest.Artifact weights, boolean recordable, Instant now) throws IOException {
        ModelManifest m = entry.manifest();
        ModelManifest.Artifact tokenizerArtifact = m.artifacts().stream()
                .filter(a -> ModelManifest.Artifact.TOKENIZER.equals(a.role())).findFirst().orElse(null);
        if (tokenizerArtifact == null) { // the catalog rule artifact-role makes this unreachable for a valid catalog
            return ModelResult.withoutRun(m.id(), weights, Verdict.ARTIFACT_UNAVAILABLE, "the manifest lists no `role: tokenizer` file", now);
        }
        SmokeModel.Fetched model = files.fetch(m.id(), weights, now);
        if (model.failure() != null) {
            return model.failure();
        }
        SmokeModel.Fetched tokenizer = files.fetch(m.id(), tokenizerArtifact, now);
        if (tokenizer.failure() != null) {
            return tokenizer.failure();
        }
        ModelManifest.Smoke smoke = m.smoke();
        ModelManifest.Embedding shape = m.embedding();
        // When recording, the old values are what is being replaced, so only the triples and the dimension apply.
        List<EmbeddingExpectations.RecordedValues> recorded = record || smoke.values() == null ? List.of()
                : List.of(new EmbeddingExpectations.RecordedValues(smoke.values().sentence(), smoke.values().first(), smoke.values().tolerance()));
        EmbeddingExpectations expectations = new EmbeddingExpectations(shape.dimension(),
                smoke.closer().stream().map(c -> new EmbeddingExpectations.Closer(c.anchor(), c.nearer(), c.farther())).toList(), recorded);
        String recordSentence = smoke.values() != null ? smoke.values().sentence() : smoke.closer().get(0).anchor();
        List<String> sentences = expectations.sentences();
        EmbeddingRequest request = EmbeddingRequest.of(model.path(), tokenizer.path(), sentences)
                .withPooling(shape.pooling(), shape.normalizes())
                .withMaxSequenceLength(Math.min(shape.maxSequenceLength(), EmbeddingRequest.MAX_SEQUENCE_LENGTH))
                .withLimits(limits);
        EmbeddingOutcome outcome = embedder.run(request);
        String expected = describe(expectations);
        if (!outcome.completed()) {
            return result(m, weights, Verdict.of(outcome.status()), outcome.reason(), expected, outcome, List.of(), now);
        }
        EmbeddingExpectations.Check check = expectations.check(sentences, outcome);
        if (!check.passed()) {
            return result(m, weights, Verdict.OUTPUT_MISMATCH, String.join("; ", check.failures()), expected, outcome, check.cosines(), now);
        }
        if (record && recordable) {
            EmbeddingExpectations.RecordedValues values = EmbeddingExpectations.record(recordSentence,
                    outcome.vectors().get(sentences.indexOf(recordSentence)));
            try {
                ValuesRecorder.record(entry.file(), values.sentence(), values.values(), values.tolerance());
                expected = describe(new EmbeddingExpectations(shape.dimension(), expectations.closer(), List.of(values)));
            } catch (ExpectRecorder.RecordException e) {
                return result(m, weights, Verdict.OUTPUT_MISMATCH, "cannot record: " + e.getMessage(), expected, outcome, check.cosines(), now);
            }
        }
        return result(m, weights, Verdict.PASSED, "", expected, outcome, check.cosines(), now);
    }

    private static ModelResult result(ModelManifest m, ModelManifest.Artifact weights, Verdict verdict, String reason, String expected,
            EmbeddingOutcome outcome, List<EmbeddingExpectations.MeasuredCloser> cosines, Instant now) {
        return new ModelResult(m.id(), weights, verdict, reason, expected, null, new ModelResult.EmbeddingRun(outcome, cosines), now);
    }

    /** How the expectations read in a report: "dimension 384; 2 closer triples; 8 recorded values". */
    static String describe(EmbeddingExpectations e) {
        int values = e.recorded().stream().mapToInt(r -> r.values().size()).sum();
        return String.format(Locale.ROOT, "dimension %d; %d closer triple%s%s", e.dimension(), e.closer().size(), e.closer().size() == 1 ? "" : "s",
                values == 0 ? "" : "; " + values + " recorded values");
    }
}
