package org.slmhub.cli;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Instant;
import org.slmhub.artifact.ArtifactException;
import org.slmhub.artifact.ArtifactRef;
import org.slmhub.artifact.ArtifactStore;
import org.slmhub.catalog.CatalogEntry;
import org.slmhub.catalog.ModelManifest;
import org.slmhub.gguf.GgufFormatException;
import org.slmhub.gguf.GgufReader;
import org.slmhub.smoke.ExpectCheck;
import org.slmhub.smoke.ExpectRecorder;
import org.slmhub.smoke.ModelResult;
import org.slmhub.smoke.SmokeEngine;
import org.slmhub.smoke.SmokeLimits;
import org.slmhub.smoke.SmokeOutcome;
import org.slmhub.smoke.SmokeRequest;
import org.slmhub.smoke.SmokeStatus;
import org.slmhub.smoke.Verdict;

/** Wires the stages for one artifact: the store gets the file, the engine runs it, the check judges it. */
final class SmokeModel {
    /** The chat turn asks for something every chat model can answer briefly. */
    static final String CHAT_PROMPT = "Say hello in one short sentence.";
    static final int CHAT_MAX_TOKENS = 48;

    private final VerifiedFiles files;
    private final SmokeEngine engine;
    private final SmokeLimits limits;
    private final boolean record;
    private final EmbeddingSmoke embeddings;

    SmokeModel(ArtifactStore store, SmokeEngine engine, SmokeLimits limits, boolean record) {
        this.files = new VerifiedFiles(store);
        this.engine = engine;
        this.limits = limits;
        this.record = record;
        this.embeddings = new EmbeddingSmoke(files, limits, record);
    }

    /** @param recordable whether this artifact's text may be recorded (the smallest, which the default run uses) */
    ModelResult run(CatalogEntry entry, ModelManifest.Artifact artifact, boolean recordable, Instant now) throws IOException {
        ModelManifest m = entry.manifest();
        if (m.embeds()) {
            return embeddings.run(entry, artifact, recordable, now);
        }
        Fetched fetched = files.fetch(m.id(), artifact, now);
        if (fetched.failure() != null) {
            return fetched.failure();
        }
        Path file = fetched.path();
        ModelManifest.Smoke smoke = m.smoke();
        SmokeRequest request = SmokeRequest.greedy(file, smoke.prompt(), smoke.maxTokens()).withLimits(limits);
        if (hasChatTemplate(file)) {
            request = request.withChat(CHAT_PROMPT, CHAT_MAX_TOKENS);
        }
        SmokeOutcome outcome = engine.run(request);
        String expected = ModelResult.describe(smoke.expect());
        if (outcome.status() != SmokeStatus.COMPLETED) {
            return new ModelResult(m.id(), artifact, Verdict.of(outcome.status()), outcome.reason(), expected, outcome, now);
        }
        // When recording, the old expectation is what is being replaced, so only the basic checks apply.
        ExpectCheck.Judgement judgement = ExpectCheck.judge(record ? null : smoke.expect(), outcome.text(), outcome.immediateEos());
        if (judgement.verdict().passed() && outcome.chat() != null) {
            judgement = ExpectCheck.judgeChat(outcome.chat());
        }
        if (record && recordable && judgement.verdict().passed()) {
            try {
                ExpectRecorder.record(entry.file(), outcome.text());
                expected = "exact: " + outcome.text();
            } catch (ExpectRecorder.RecordException e) {
                return new ModelResult(m.id(), artifact, Verdict.OUTPUT_MISMATCH, "cannot record: " + e.getMessage(), expected, outcome, now);
            }
        }
        return new ModelResult(m.id(), artifact, judgement.verdict(), judgement.reason(), expected, outcome, now);
    }

    /** A verified local file, or the result that says why there is none. */
    record Fetched(Path path, ModelResult failure) {
    }

    /** Gets artifacts through the verified store, turning its failures into smoke results. */
    record VerifiedFiles(ArtifactStore store) {
        Fetched fetch(String id, ModelManifest.Artifact artifact, Instant now) throws IOException {
            try {
                return new Fetched(store.resolve(new ArtifactRef(artifact.file(), URI.create(artifact.url()), artifact.sha256(), artifact.size())).path(), null);
            } catch (ArtifactException e) {
                boolean wrongBytes = e.kind() == ArtifactException.Kind.CHECKSUM_MISMATCH || e.kind() == ArtifactException.Kind.SIZE_MISMATCH
                        || e.kind() == ArtifactException.Kind.TOO_LONG;
                return new Fetched(null, ModelResult.withoutRun(id, artifact, wrongBytes ? Verdict.CHECKSUM_MISMATCH : Verdict.ARTIFACT_UNAVAILABLE,
                        e.getMessage(), now));
            }
        }
    }

    private static boolean hasChatTemplate(Path file) {
        try {
            return GgufReader.read(file).chatTemplate().isPresent();
        } catch (GgufFormatException e) {
            return false; // the engine reports the unreadable file as load-failed
        }
    }
}
