package org.slmhub.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slmhub.TestPaths;
import org.slmhub.site.SiteServer;
import org.slmhub.smoke.TinyLlama;
import org.slmhub.smoke.TinyManifests;

/** {@code slmhub pull} and {@code slmhub run} on a catalog of one tiny llama with two variants. */
class PullAndRunCommandTest {
    @TempDir
    Path tmp;
    Path mirror;
    Path catalog;

    @BeforeEach
    void catalogWithTwoVariants() throws IOException {
        mirror = Files.createDirectories(tmp.resolve("mirror"));
        catalog = Files.createDirectories(tmp.resolve("models"));
        var small = TinyManifests.Artifact.of(TinyLlama.write(mirror.resolve("tiny-1.gguf"), 1, null), "F32");
        var large = TinyManifests.Artifact.of(TinyLlama.write(mirror.resolve("tiny-2.gguf"), 2, TinyLlama.CHATML), "F16");
        TinyManifests.write(catalog, "acme/tiny", TinyManifests.yaml("acme/tiny", List.of(large, small), ""));
    }

    private CliRun cli(String command, String... rest) {
        List<String> args = new ArrayList<>(List.of(command, "--catalog", catalog.toString(), "--offline",
                "--cache", tmp.resolve("cache").toString(), "--mirror", mirror.toString()));
        args.addAll(List.of(rest));
        return CliRun.of(args.toArray(String[]::new));
    }

    @Test
    void pullPrintsOnlyThePathOfTheSmallestVariantByDefault() {
        CliRun run = cli("pull", "acme/tiny");
        assertEquals(0, run.exitCode(), run::toString);
        assertEquals(mirror.resolve("tiny-1.gguf").toAbsolutePath() + "\n", run.out());
    }

    @Test
    void pullTakesAQuantizationOrAFileName() {
        assertEquals(mirror.resolve("tiny-2.gguf").toAbsolutePath() + "\n", cli("pull", "acme/tiny:f16").out());
        assertEquals(mirror.resolve("tiny-2.gguf").toAbsolutePath() + "\n", cli("pull", "acme/tiny:tiny-2.gguf").out());
    }

    @Test
    void pullExplainsWhatExists() {
        CliRun variant = cli("pull", "acme/tiny:Q4_K_M");
        assertEquals(1, variant.exitCode(), variant::toString);
        assertEquals("slmhub: error: no variant `Q4_K_M` of acme/tiny; available: F32 (tiny-1.gguf), F16 (tiny-2.gguf)\n", variant.err());
        CliRun model = cli("pull", "acme/tyni");
        assertEquals(1, model.exitCode(), model::toString);
        assertEquals("slmhub: error: unknown model `acme/tyni`; did you mean `acme/tiny`?\n", model.err());
    }

    @Test
    void pullAndRunTakeTheManifestFromAPublishedSite() throws IOException {
        Path site = tmp.resolve("site");
        CliRun build = CliRun.of("build", "--catalog", catalog.toString(), "--source", TestPaths.repoRoot().toString(),
                "--out", site.toString(), "--no-search");
        assertEquals(0, build.exitCode(), build::toString);
        String registry;
        try (SiteServer server = new SiteServer(site, 0, "/slmhub/")) {
            registry = "http://127.0.0.1:" + server.port() + "/slmhub/";
            CliRun pull = fromRegistry(registry, "pull", "acme/tiny:f16");
            assertEquals(0, pull.exitCode(), pull::toString);
            assertEquals(mirror.resolve("tiny-2.gguf").toAbsolutePath() + "\n", pull.out());
            CliRun run = fromRegistry(registry, "run", "acme/tiny", "--raw", "--temperature", "0", "--max-tokens", "12", "Once upon a time");
            assertEquals(0, run.exitCode(), run::toString);
            assertEquals(cli("run", "acme/tiny", "--raw", "--temperature", "0", "--max-tokens", "12", "Once upon a time").out(), run.out(),
                    "the site's manifest names the same file as the catalog's");
            // the same site's offline index archive, fetched by its size (HEAD) and .sha256, then searched
            CliRun search = CliRun.of("search", "--registry", registry, "--cache", tmp.resolve("cache").toString(), "tiny");
            assertEquals(0, search.exitCode(), search::toString);
            assertTrue(search.out().startsWith("acme/tiny  Tiny\n"), search::toString);
            CliRun typo = fromRegistry(registry, "pull", "acme/tyni");
            assertEquals(1, typo.exitCode(), typo::toString);
            assertTrue(typo.err().endsWith("; did you mean `acme/tiny`?\n"), typo.err());
        }
        CliRun offline = fromRegistry(registry, "pull", "--offline", "acme/tiny");
        assertEquals(0, offline.exitCode(), offline::toString);
        assertEquals(mirror.resolve("tiny-1.gguf").toAbsolutePath() + "\n", offline.out(), "the kept manifest, with the server gone");
    }

    @Test
    void withoutACatalogOrARegistryTheErrorNamesBoth() {
        CliRun run = CliRun.of("pull", "--catalog", tmp.resolve("nowhere").toString(), "acme/tiny");
        assertEquals(2, run.exitCode(), run::toString);
        assertTrue(run.err().contains("catalog folder " + tmp.resolve("nowhere") + " not found: run from a checkout, pass --catalog DIR,"
                + " or name a published site with --registry URL"), run.err());
    }

    private CliRun fromRegistry(String registry, String command, String... rest) {
        List<String> args = new ArrayList<>(List.of(command, "--registry", registry,
                "--cache", tmp.resolve("cache").toString(), "--mirror", mirror.toString()));
        args.addAll(List.of(rest));
        return CliRun.of(args.toArray(String[]::new));
    }

    @Test
    void runStreamsARepeatableGreedyContinuation() {
        CliRun first = cli("run", "acme/tiny", "--raw", "--temperature", "0", "--max-tokens", "12", "Once upon a time");
        CliRun second = cli("run", "acme/tiny", "--raw", "--temperature", "0", "--max-tokens", "12", "Once upon a time");
        assertEquals(0, first.exitCode(), first::toString);
        assertFalse(first.out().isBlank(), first::toString);
        assertTrue(first.out().endsWith("\n"), first::toString);
        assertFalse(first.out().contains("libjllama"), "nothing but the generated text on stdout: " + first.out());
        assertEquals(first.out(), second.out());
    }

    @Test
    void runUsesTheChatTemplateWhenTheModelHasOne() {
        CliRun chat = cli("run", "acme/tiny:F16", "--temperature", "0", "--max-tokens", "8", "Hello");
        assertEquals(0, chat.exitCode(), chat::toString);
        CliRun raw = cli("run", "acme/tiny:F16", "--raw", "--temperature", "0", "--max-tokens", "8", "Hello");
        assertEquals(0, raw.exitCode(), raw::toString);
        assertFalse(chat.out().equals(raw.out()), "the template changes what the model sees: " + chat.out());
    }

    @Test
    void runRefusesNonsenseSettings() {
        CliRun run = cli("run", "acme/tiny", "--max-tokens", "0", "x");
        assertEquals(2, run.exitCode(), run::toString);
        assertTrue(run.err().contains("--max-tokens must be at least 1"), run::toString);
    }
}
