package org.slmhub.smoke;

import java.time.Instant;
import java.util.List;
import org.slmhub.catalog.ModelManifest;

/**
 * The smoke result of one artifact of one model, as the report and the site show it.
 *
 * @param expected what the manifest expects, described ("exact: ...", "contains: ...", or empty)
 * @param outcome  what the text engine did; null when the artifact could not be had, or for an embedding model
 * @param embedding what the embedding engine did; null for a text model, or when the files could not be had
 */
public record ModelResult(String id, ModelManifest.Artifact artifact, Verdict verdict, String reason, String expected,
        SmokeOutcome outcome, EmbeddingRun embedding, Instant date) {

    /** A text model's run. */
    public ModelResult(String id, ModelManifest.Artifact artifact, Verdict verdict, String reason, String expected,
            SmokeOutcome outcome, Instant date) {
        this(id, artifact, verdict, reason, expected, outcome, null, date);
    }

    public static ModelResult withoutRun(String id, ModelManifest.Artifact artifact, Verdict verdict, String reason, Instant date) {
        return new ModelResult(id, artifact, verdict, reason, "", null, null, date);
    }

    /**
     * An embedding model's run: what the engine did (its vectors are not kept) and the cosines the
     * closer triples measured (empty when the run did not complete).
     */
    public record EmbeddingRun(EmbeddingOutcome outcome, List<EmbeddingExpectations.MeasuredCloser> cosines) {
        public EmbeddingRun {
            outcome = outcome.withoutVectors();
            cosines = List.copyOf(cosines);
        }
    }

    /** How the manifest's expectation reads in a report. */
    public static String describe(ModelManifest.Expect expect) {
        if (expect == null) {
            return "";
        }
        if (expect.exact() != null) {
            return "exact: " + expect.exact();
        }
        return expect.contains() != null ? "contains: " + expect.contains() : "regex: " + expect.regex();
    }
}
