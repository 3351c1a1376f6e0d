package org.slmhub.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slmhub.TestPaths;

class IndexCommandTest {
    @TempDir
    Path tmp;

    private Path catalogWith(String id, String manifest) throws IOException {
        Path file = tmp.resolve("models").resolve(id).resolve("model.yaml");
        Files.createDirectories(file.getParent());
        Files.writeString(file, manifest);
        return tmp.resolve("models");
    }

    private static String seed(String id) throws IOException {
        return Files.readString(TestPaths.repoRoot().resolve("models").resolve(id).resolve("model.yaml"));
    }

    @Test
    void indexesTheCatalogAndSaysWhatItWrote() throws IOException {
        Path catalog = catalogWith("ggml-org/stories260k", seed("ggml-org/stories260k"));
        catalogWith("thebloke/phi-2", seed("thebloke/phi-2"));
        Path out = tmp.resolve("index");
        CliRun run = CliRun.of("index", "--catalog", catalog.toString(), "--out", out.toString());
        assertEquals(0, run.exitCode(), run::toString);
        assertTrue(run.out().startsWith("loaded 2 models, their Git dates and smoke statuses in "), run::toString);
        assertTrue(run.out().contains("\nindexed 2 models into " + out + " ("), run::toString);
        assertEquals(0, CliRun.of("search", "--index", out.toString(), "phi").exitCode());
    }

    @Test
    void smokeStatusesComeFromTheReport() throws IOException {
        Path catalog = catalogWith("ggml-org/stories260k", seed("ggml-org/stories260k"));
        catalogWith("thebloke/phi-2", seed("thebloke/phi-2"));
        Path report = Files.writeString(tmp.resolve("smoke-report.json"),
                "{\"format\": 1, \"results\": [{\"id\": \"ggml-org/stories260k\", \"status\": \"passed\"}]}");
        Path out = tmp.resolve("index");
        assertEquals(0, CliRun.of("index", "--catalog", catalog.toString(), "--out", out.toString(), "--smoke-report", report.toString()).exitCode());
        CliRun passed = CliRun.of("search", "--index", out.toString(), "--smoke", "passed");
        assertTrue(passed.out().startsWith("ggml-org/stories260k  stories260K\n"), passed::toString);
        assertTrue(passed.out().endsWith("1 of 1 matching model (index of 2)\n"), passed::toString);
        CliRun unknown = CliRun.of("search", "--index", out.toString(), "--smoke", "unknown");
        assertTrue(unknown.out().startsWith("thebloke/phi-2  phi-2\n"), unknown::toString);

        CliRun badReport = CliRun.of("index", "--catalog", catalog.toString(), "--out", out.toString(), "--smoke-report", tmp.resolve("none.json").toString());
        assertEquals(2, badReport.exitCode());
        assertEquals("slmhub: error: smoke report " + tmp.resolve("none.json") + " not found\n", badReport.err());
    }

    @Test
    void anInvalidCatalogIsNotIndexed() throws IOException {
        Path catalog = catalogWith("ggml-org/stories260k", seed("ggml-org/stories260k").replace("\nlicense: MIT", "\nlicence: MIT"));
        CliRun run = CliRun.of("index", "--catalog", catalog.toString(), "--out", tmp.resolve("index").toString());
        assertEquals(1, run.exitCode(), run::toString);
        assertTrue(run.err().startsWith("slmhub: the catalog has problems; fix them first (slmhub validate shows the same):\n"), run::toString);
        assertTrue(Files.notExists(tmp.resolve("index")));
    }

    @Test
    void theArchiveMustNotBeInsideTheIndexFolder() throws IOException {
        Path catalog = catalogWith("ggml-org/stories260k", seed("ggml-org/stories260k"));
        Path out = tmp.resolve("index");
        CliRun run = CliRun.of("index", "--catalog", catalog.toString(), "--out", out.toString(), "--archive", out.resolve("i.zip").toString());
        assertEquals(2, run.exitCode(), run::toString);
        assertEquals("slmhub: error: --archive " + out.resolve("i.zip") + " is inside --out " + out + ": write it elsewhere, it would pack itself\n", run.err());
    }

    @Test
    void refusesToOverwriteAFolderThatHoldsSomethingElse() throws IOException {
        Path catalog = catalogWith("ggml-org/stories260k", seed("ggml-org/stories260k"));
        Path docs = Files.createDirectories(tmp.resolve("docs"));
        Files.writeString(docs.resolve("index.html"), "<p>mine</p>");
        CliRun run = CliRun.of("index", "--catalog", catalog.toString(), "--out", docs.toString());
        assertEquals(2, run.exitCode(), run::toString);
        assertEquals("slmhub: error: " + docs + " is not empty and holds no search index; choose an empty or new folder for --out\n", run.err());
    }
}
