package org.slmhub.cli;

import org.slmhub.catalog.HumanUnits;
import java.io.IOException;
import java.io.PrintWriter;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.slmhub.catalog.CatalogEntry;
import org.slmhub.catalog.ModelManifest;
import org.slmhub.smoke.ModelResult;
import org.slmhub.smoke.SmokePlan;
import org.slmhub.validate.ArtifactCheck;
import org.slmhub.validate.Finding;

/**
 * The costly half of {@code slmhub check}, for the changed models only: level 4 on every artifact,
 * then the smoke run on the smallest runnable weights of each model whose artifacts verified. A model whose
 * files are not what the manifest says is not smoked: its failure is already named.
 */
final class ChangedModelChecks {
    private final ArtifactCheck artifactCheck;
    private final SmokeModel smoke;

    ChangedModelChecks(ArtifactCheck artifactCheck, SmokeModel smoke) {
        this.artifactCheck = artifactCheck;
        this.smoke = smoke;
    }

    record SmokeFailure(CatalogEntry entry, ModelResult result) {
    }

    /** @param findings level 4 findings, sorted; @param results every smoke run, for the report */
    record Outcome(List<Finding> findings, List<ModelResult> results, List<SmokeFailure> smokeFailures, List<CheckRow> rows) {
    }

    /** Progress goes to {@code out} as it happens: a smoke run takes seconds to minutes. */
    Outcome run(List<CatalogEntry> entries, PrintWriter out, Instant now) throws IOException {
        List<Finding> findings = new ArrayList<>();
        List<CheckRow> rows = new ArrayList<>();
        List<CatalogEntry> verified = new ArrayList<>();
        for (CatalogEntry entry : entries) {
            String id = entry.manifest().id();
            out.println("checking the artifacts of " + id + " ...");
            out.flush();
            List<Finding> found = artifactCheck.check(entry);
            findings.addAll(found);
            if (found.stream().anyMatch(Finding::isError)) {
                rows.add(new CheckRow(id, "artifacts", "error", String.join("; ", found.stream().filter(Finding::isError)
                        .map(f -> f.rule().id() + " at line " + f.position().line() + ": " + f.message()).toList()), null));
            } else {
                rows.add(new CheckRow(id, "artifacts", "passed", entry.manifest().artifacts().size() + " file(s): size, sha256 and header match", null));
                verified.add(entry);
            }
        }
        findings.sort(Finding.ORDER);
        List<ModelResult> results = new ArrayList<>();
        List<SmokeFailure> failures = new ArrayList<>();
        SmokePlan.Plan plan = SmokePlan.of(verified, null, SmokePlan.Shard.ALL, false);
        for (SmokePlan.Item item : plan.items()) {
            ModelManifest.Artifact artifact = item.artifacts().get(0);
            out.printf("smoking %s (%s, %s) ...%n", item.id(), artifact.file(), HumanUnits.formatBytes(artifact.size()));
            out.flush();
            ModelResult result = smoke.run(item.entry(), artifact, true, now);
            results.add(result);
            out.println("  " + SmokeCommand.describe(result));
            Double speed = result.outcome() == null ? null : result.outcome().tokensPerSecond();
            rows.add(new CheckRow(item.id(), "smoke", result.verdict().id(), result.verdict().passed() ? artifact.file() : result.reason(), speed));
            if (!result.verdict().passed()) {
                failures.add(new SmokeFailure(item.entry(), result));
            }
        }
        for (SmokePlan.Skip skip : plan.skipped()) {
            rows.add(new CheckRow(skip.id(), "smoke", "skipped", skip.reason(), null));
        }
        return new Outcome(findings, results, failures, rows);
    }
}
