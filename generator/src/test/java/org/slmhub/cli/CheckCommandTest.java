package org.slmhub.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slmhub.smoke.TinyLlama;
import org.slmhub.smoke.TinyManifests;

/**
 * {@code slmhub check} end to end, as a pull request runs it: a JGit repository with a catalog on
 * {@code main}, one branch adding a good model and one adding broken ones; the GGUF files sit in a
 * mirror folder, and the GitHub Actions environment is injected.
 */
class CheckCommandTest {
    @TempDir
    Path tmp;
    Path repo;
    Path mirror;
    Path summary;
    Git git;

    @BeforeEach
    void setUp() throws Exception {
        repo = Files.createDirectories(tmp.resolve("repo"));
        mirror = Files.createDirectories(tmp.resolve("mirror"));
        summary = tmp.resolve("step-summary.md");
        git = Git.init().setDirectory(repo.toFile()).setInitialBranch("main").call();
        manifest("acme/base", gguf("base.gguf", 1, null), "");
        commit("catalog");
    }

    /** Different layer counts and templates give different bytes (and digests) to each model. */
    private GgufBytes gguf(String name, int layers, String chatTemplate) throws IOException {
        Path file = TinyLlama.write(mirror.resolve(name), layers, chatTemplate);
        return new GgufBytes(name, SmokeCommandTest.sha256(Files.readAllBytes(file)), Files.size(file));
    }

    private record GgufBytes(String file, String sha256, long size) {
    }

    private Path manifest(String id, GgufBytes f, String extra) throws IOException {
        var artifact = new TinyManifests.Artifact(f.file(), "F32", f.sha256(), f.size());
        return TinyManifests.write(repo.resolve("models"), id, TinyManifests.yaml(id, List.of(artifact), TinyManifests.SMOKE + extra));
    }

    private void commit(String message) throws GitAPIException {
        git.add().addFilepattern(".").call();
        git.commit().setMessage(message).setAuthor("T", "t@example.org").setCommitter("T", "t@example.org").setSign(false).call();
    }

    private void branch(String name) throws GitAPIException {
        git.checkout().setCreateBranch(true).setName(name).setStartPoint("main").call();
    }

    private CliRun check(String... extra) {
        List<String> args = new ArrayList<>(List.of("check", "--catalog", repo.resolve("models").toString(),
                "--offline", "--mirror", mirror.toString(), "--cache", tmp.resolve("cache").toString()));
        args.addAll(List.of(extra));
        Map<String, String> env = Map.of("GITHUB_ACTIONS", "true", "GITHUB_STEP_SUMMARY", summary.toString());
        return CliRun.of(cli -> ((CheckCommand) cli.getSubcommands().get("check").getCommand()).environment(env), args.toArray(String[]::new));
    }

    @Test
    void aBranchAddingAGoodModelPassesWithExactlyThatModelSmoked() throws Exception {
        branch("add-good");
        manifest("acme/good", gguf("good.gguf", 2, null), "");
        commit("add acme/good");

        CliRun run = check("--base", "main", "--report", tmp.resolve("smoke.json").toString());
        assertEquals(0, run.exitCode(), run::toString);
        assertEquals(1, run.out().split("smoking ", -1).length - 1, run::toString);
        assertTrue(run.out().contains("smoking acme/good (good.gguf"), run::toString);
        assertTrue(run.out().contains("check passed: 1 changed model checked, 0 problems"), run::toString);
        assertTrue(!run.out().contains("::error"), run::toString);
        String md = Files.readString(summary);
        assertTrue(md.contains("| acme/good | smoke | ✅ passed | good.gguf | "), md);
        assertTrue(md.contains("| acme/good | artifacts | ✅ passed |"), md);
        assertTrue(Files.readString(tmp.resolve("smoke.json")).contains("\"id\" : \"acme/good\""));

        CliRun listed = check("--base", "main", "--list-changed");
        assertEquals("acme/good\n", listed.out(), listed::toString);
    }

    @Test
    void aBranchAddingBrokenModelsFailsWithAnnotationsAtTheirLines() throws Exception {
        branch("add-broken");
        Path typo = manifest("acme/typo", gguf("typo.gguf", 1, null), "licence: MIT\n");
        GgufBytes real = gguf("wrong-digest.gguf", 2, null);
        Path wrongDigest = manifest("acme/wrong-digest", new GgufBytes(real.file(), "ab".repeat(32), real.size()), "");
        Path wrongOutput = manifest("acme/wrong-output", gguf("wrong-output.gguf", 2, TinyLlama.CHATML), "  expect: {exact: \"not what it says\"}\n");
        commit("add broken models");

        CliRun run = check("--base", "main");
        assertEquals(1, run.exitCode(), run::toString);
        String out = run.out();
        // The schema error, at the unknown field's line (31) in the added manifest.
        assertTrue(out.contains("::error file=" + FindingsPrinter.property(typo.toString()) + ",line=31,col=1,title=schema-unknown-field::unknown field `licence`"), out);
        // The wrong digest, at the sha256 line (26), found by level 4.
        assertTrue(out.contains("::error file=" + FindingsPrinter.property(wrongDigest.toString()) + ",line=26,col=13,title=artifact-sha256::sha256 of wrong-digest.gguf does not match"), out);
        // The smoke failure, at the manifest's smoke: line (28).
        assertTrue(out.contains("::error file=" + FindingsPrinter.property(wrongOutput.toString()) + ",line=28,col=1,title=smoke output-mismatch::wrong-output.gguf: expected exactly \"not what it says\""), out);
        assertTrue(out.contains("check failed: 2 changed models checked, 3 problems"), out);

        String md = Files.readString(summary);
        assertTrue(md.contains("| acme/typo | validate | ❌ error | schema-unknown-field at line 31: unknown field `licence` |"), md);
        assertTrue(md.contains("| acme/wrong-digest | artifacts | ❌ error | artifact-sha256 at line 26: sha256 of wrong-digest.gguf does not match"), md);
        assertTrue(md.contains("| acme/wrong-output | smoke | ❌ output-mismatch | expected exactly"), md);
    }

    @Test
    void anUnknownBaseIsAUsageError() {
        CliRun run = check("--base", "nope");
        assertEquals(2, run.exitCode(), run::toString);
        assertTrue(run.err().contains("slmhub: error: unknown revision `nope`"), run::toString);
    }
}
