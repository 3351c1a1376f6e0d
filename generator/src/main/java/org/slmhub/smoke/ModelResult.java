package org.slmhub.smoke;

import java.time.Instant;
import org.slmhub.catalog.ModelManifest;

/**
 * The smoke result of one artifact of one model, as the report and the site show it.
 *
 * @param expected what the manifest expects, described ("exact: ...", "contains: ...", or empty)
 * @param outcome  what the engine did; null when the artifact could not be had
 */
public record ModelResult(String id, ModelManifest.Artifact artifact, Verdict verdict, String reason, String expected,
        SmokeOutcome outcome, Instant date) {

    public static ModelResult withoutRun(String id, ModelManifest.Artifact artifact, Verdict verdict, String reason, Instant date) {
        return new ModelResult(id, artifact, verdict, reason, "", null, date);
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
