package org.slmhub.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.jgit.api.Git;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slmhub.TestPaths;
import org.slmhub.smoke.TinyLlama;
import org.slmhub.smoke.TinyManifests;

/**
 * {@code slmhub smoke} end to end: real llama.cpp in forked workers, on a tiny random llama the
 * test writes (and on the shared fixtures when present).
 */
class SmokeCommandTest {
    @TempDir
    Path tmp;
    Path mirror;
    Path catalog;
    byte[] tiny;

    @BeforeEach
    void setUp() throws IOException {
        mirror = Files.createDirectories(tmp.resolve("mirror"));
        catalog = Files.createDirectories(tmp.resolve("models"));
        tiny = Files.readAllBytes(TinyLlama.write(tmp.resolve("tiny.gguf")));
    }

    private Path manifest(String id, String file, byte[] bytes, String expect) throws IOException {
        Files.write(mirror.resolve(file), bytes);
        var artifact = new TinyManifests.Artifact(file, "F32", sha256(bytes), bytes.length);
        String yaml = "# comment kept by --record\n" + TinyManifests.yaml(id, List.of(artifact), TinyManifests.SMOKE + expect);
        return TinyManifests.write(catalog, id, yaml);
    }

    private CliRun smoke(String... extra) {
        List<String> args = new ArrayList<>(List.of("smoke", "--catalog", catalog.toString(), "--offline",
                "--cache", tmp.resolve("cache").toString(), "--mirror", mirror.toString()));
        args.addAll(List.of(extra));
        return CliRun.of(args.toArray(String[]::new));
    }

    @Test
    void recordThenPassThenCatchAChangedOutput() throws IOException {
        Path manifest = manifest("acme/tiny", "tiny.gguf", tiny, "");
        CliRun recorded = smoke("--record");
        assertEquals(0, recorded.exitCode(), recorded::toString);
        String yaml = Files.readString(manifest);
        assertTrue(yaml.startsWith("# comment kept by --record\n"), yaml);
        assertTrue(yaml.contains("\n  expect:\n    exact: \""), yaml);

        CliRun again = smoke("--report", tmp.resolve("report.json").toString());
        assertEquals(0, again.exitCode(), again::toString);
        assertTrue(again.out().contains("1 passed, 0 failed"), again::toString);

        Files.writeString(manifest, yaml.replaceFirst("exact: \".*\"", "exact: \"something else\""));
        CliRun mismatch = smoke("--report", tmp.resolve("report.json").toString());
        assertEquals(1, mismatch.exitCode(), mismatch::toString);
        JsonNode result = new ObjectMapper().readTree(tmp.resolve("report.json").toFile()).get("results").get(0);
        assertEquals("output-mismatch", result.get("status").asText());
        assertTrue(result.get("reason").asText().startsWith("expected exactly \"something else\", got \""), result::toString);
        assertEquals(8, result.get("tokens").asInt(), result::toString);
        assertTrue(result.get("peak_rss_bytes").asLong() > 0, result::toString);
        assertEquals(sha256(tiny), result.get("artifact").get("sha256").asText());
    }

    @Test
    void aByteFlippedMirrorCopyIsAChecksumMismatch() throws IOException {
        manifest("acme/tiny", "tiny.gguf", tiny, "");
        byte[] flipped = tiny.clone();
        flipped[flipped.length / 2] ^= 0x40;
        Files.write(mirror.resolve("tiny.gguf"), flipped);
        CliRun run = smoke();
        assertEquals(1, run.exitCode(), run::toString);
        assertTrue(run.out().contains("checksum-mismatch: tiny.gguf: mirror file "), run::toString);
    }

    @Test
    void aTruncatedFileIsLoadFailedAndTheRunGoesOn() throws IOException {
        byte[] truncated = java.util.Arrays.copyOf(tiny, tiny.length / 2);
        manifest("acme/broken", "broken.gguf", truncated, "");
        manifest("acme/tiny", "tiny.gguf", tiny, "");
        CliRun run = smoke();
        assertEquals(1, run.exitCode(), run::toString);
        assertTrue(run.out().contains("load-failed"), run::toString);
        assertTrue(run.out().contains("1 passed, 1 failed"), run::toString);
    }

    @Test
    void shardsSplitTheModelsWithoutOverlap() throws IOException {
        manifest("acme/one", "one.gguf", tiny, "");
        byte[] other = Files.readAllBytes(TinyLlama.write(tmp.resolve("two.gguf"), 2, null));
        manifest("acme/two", "two.gguf", other, "");
        CliRun first = smoke("--shard", "1/2");
        CliRun second = smoke("--shard", "2/2");
        assertEquals(0, first.exitCode(), first::toString);
        assertEquals(0, second.exitCode(), second::toString);
        assertTrue(first.out().contains("smoking acme/one") && !first.out().contains("smoking acme/two"), first::toString);
        assertTrue(second.out().contains("smoking acme/two") && !second.out().contains("smoking acme/one"), second::toString);
        CliRun bad = smoke("--shard", "3/2");
        assertEquals(2, bad.exitCode(), bad::toString);
        assertTrue(bad.err().contains("shard must be I/N with 1 <= I <= N, got 3/2"), bad::toString);
    }

    @Test
    void changedSinceSmokesOnlyWhatChanged() throws Exception {
        manifest("acme/one", "one.gguf", tiny, "");
        byte[] other = Files.readAllBytes(TinyLlama.write(tmp.resolve("two-src.gguf"), 2, null));
        Path two = manifest("acme/two", "two.gguf", other, "");
        try (Git git = Git.init().setDirectory(tmp.toFile()).setInitialBranch("main").call()) {
            git.add().addFilepattern("models").call();
            git.commit().setMessage("catalog").setAuthor("T", "t@example.org").setCommitter("T", "t@example.org").setSign(false).call();
        }
        Files.writeString(two, Files.readString(two).replace("max_tokens: 8", "max_tokens: 4"));
        CliRun run = smoke("--changed-since", "main");
        assertEquals(0, run.exitCode(), run::toString);
        assertTrue(run.out().contains("smoking acme/two"), run::toString);
        assertFalse(run.out().contains("smoking acme/one"), run::toString);
        CliRun unknown = smoke("--changed-since", "nope");
        assertEquals(2, unknown.exitCode(), unknown::toString);
        assertTrue(unknown.err().contains("unknown revision `nope`"), unknown::toString);
    }

    @Test
    void maxSizeLeavesOutModelsWhoseSmallestFileIsLarger() throws IOException {
        manifest("acme/tiny", "tiny.gguf", tiny, "");
        CliRun run = smoke("--max-size", (tiny.length - 1) + "B");
        assertEquals(0, run.exitCode(), run::toString);
        assertTrue(run.out().contains("skipped acme/tiny: smallest GGUF is "), run::toString);
        assertTrue(run.out().contains("smoked 0 artifacts of 0 models"), run::toString);
        CliRun bad = smoke("--max-size", "lots");
        assertEquals(2, bad.exitCode(), bad::toString);
        assertTrue(bad.err().contains("--max-size: expected a size such as 800MB"), bad::toString);
    }

    @Test
    void maxMemoryTooSmallForTheModelKillsItsWorkerAndTheRunReportsACrash() throws IOException {
        manifest("acme/tiny", "tiny.gguf", tiny, "");
        CliRun run = smoke("--max-memory", "1MiB");
        assertEquals(1, run.exitCode(), run::toString);
        assertTrue(run.out().contains("over its cap of 1 MiB; worker killed"), run::toString);
        CliRun bad = smoke("--max-memory", "lots");
        assertEquals(2, bad.exitCode(), bad::toString);
        assertTrue(bad.err().contains("--max-memory: expected a size such as 800MB"), bad::toString);
    }

    @Test
    void anUnknownModelIsAUsageErrorWithASuggestion() throws IOException {
        manifest("acme/tiny", "tiny.gguf", tiny, "");
        CliRun run = smoke("acme/tinny");
        assertEquals(2, run.exitCode(), run::toString);
        assertTrue(run.err().contains("unknown model `acme/tinny`; did you mean `acme/tiny`?"), run::toString);
    }

    @Test
    void theBundledFixtureModelsPassTheirRecordedExpectations() {
        var shared = TestPaths.sharedModels();
        assumeTrue(shared.isPresent(), TestPaths.SHARED_ABSENT);
        CliRun run = CliRun.of("smoke", "--catalog", TestPaths.repoRoot().resolve("models").toString(), "--offline",
                "--cache", tmp.resolve("cache").toString(), "--mirror", shared.get().toString(),
                "ggml-org/stories260k", "aladar/llama-2-tiny-random");
        assertEquals(0, run.exitCode(), run::toString);
        assertTrue(run.out().contains("passed (16 tokens"), run::toString);
        assertTrue(run.out().contains("\", there was a little girl named Lily. She loved to play\""), run::toString);
        assertTrue(run.out().contains("2 passed, 0 failed"), run::toString);
    }

    @Test
    void damagedCopiesOfTheRealFixtureFailCleanly() throws IOException {
        var shared = TestPaths.sharedModels();
        assumeTrue(shared.isPresent(), TestPaths.SHARED_ABSENT);
        byte[] real = Files.readAllBytes(shared.get().resolve("stories260K.gguf"));
        byte[] flipped = real.clone();
        flipped[real.length - 1000] ^= 0x01;
        byte[] truncated = java.util.Arrays.copyOf(real, real.length - 4096);
        // The real manifest's digest against a flipped copy; a manifest that describes the truncated copy.
        Files.write(mirror.resolve("stories260K-f32.gguf"), flipped);
        Path realManifest = catalog.resolve("ggml-org/stories260k/model.yaml");
        Files.createDirectories(realManifest.getParent());
        Files.copy(TestPaths.repoRoot().resolve("models/ggml-org/stories260k/model.yaml"), realManifest);
        manifest("acme/truncated", "truncated.gguf", truncated, "");
        CliRun run = smoke("--report", tmp.resolve("report.json").toString());
        assertEquals(1, run.exitCode(), run::toString);
        JsonNode results = new ObjectMapper().readTree(tmp.resolve("report.json").toFile()).get("results");
        assertEquals("load-failed", results.get(0).get("status").asText(), results::toPrettyString);
        assertEquals("checksum-mismatch", results.get(1).get("status").asText(), results::toPrettyString);
    }

    static String sha256(byte[] bytes) {
        return TinyManifests.sha256(bytes);
    }
}
