package org.slmhub.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slmhub.TestPaths;
import org.slmhub.site.SiteFixture;

/** The build's failures: one line each, the right exit code, no stack trace. */
class BuildCommandTest {
    @TempDir
    Path tmp;

    @Test
    void anInvalidCatalogIsReportedAndNothingIsBuilt() throws IOException {
        Path catalog = SiteFixture.catalog(tmp);
        Path manifest = catalog.resolve("ggml-org/stories260k/model.yaml");
        Files.writeString(manifest, Files.readString(manifest).replace("\nlicense: MIT", "\nlicence: MIT"));
        CliRun run = CliRun.of("build", "--no-search", "--catalog", catalog.toString(), "--source", TestPaths.repoRoot().toString(),
                "--out", tmp.resolve("site").toString());
        assertEquals(1, run.exitCode(), run::toString);
        assertTrue(run.err().contains("error[schema-unknown-field]"), run::toString);
        assertTrue(!Files.exists(tmp.resolve("site/index.html")), run::toString);
    }

    @Test
    void aSourceWithoutTemplatesNamesTheFix() throws IOException {
        Path catalog = SiteFixture.catalog(tmp);
        CliRun run = CliRun.of("build", "--no-search", "--catalog", catalog.toString(), "--source", tmp.toString());
        assertEquals(2, run.exitCode(), run::toString);
        assertEquals("slmhub: error: no templates/ folder in " + tmp.toAbsolutePath().normalize()
                + " (run from a checkout, or pass --source DIR)\n", run.err());
    }

    @Test
    void aBrokenTemplateFailsTheBuildInOneLine() throws IOException {
        Path catalog = SiteFixture.catalog(tmp);
        Path source = tmp.resolve("source");
        Files.createDirectories(source.resolve("content"));
        Files.createDirectories(source.resolve("templates"));
        Files.writeString(source.resolve("templates/layout.ftl"), "<#macro page title base indexed=false><#nested></#macro>");
        Files.writeString(source.resolve("templates/home.ftl"), "${noSuchVariable}");
        CliRun run = CliRun.of("build", "--no-search", "--catalog", catalog.toString(), "--source", source.toString(),
                "--out", tmp.resolve("site").toString());
        assertEquals(2, run.exitCode(), run::toString);
        // pages render in parallel: whichever fails first is named, with the template and the page
        assertTrue(run.err().matches("(?s).*\nslmhub: error: template \\S+\\.ftl failed for \\S+\\.html: [^\n]+\n"), run::toString);
        assertTrue(run.err().lines().noneMatch(l -> l.startsWith("\tat ")), run::toString);
    }

    @Test
    void theSitePublishesTheOfflineSearchIndexWithItsDigest() throws IOException {
        Path out = tmp.resolve("site");
        CliRun run = CliRun.of("build", "--no-search", "--catalog", TestPaths.repoRoot().resolve("models").toString(),
                "--source", TestPaths.repoRoot().toString(), "--out", out.toString());
        assertEquals(0, run.exitCode(), run::toString);
        Path archive = out.resolve("search/slmhub-index.zip");
        String digestLine = Files.readString(out.resolve("search/slmhub-index.zip.sha256"));
        assertTrue(digestLine.startsWith(org.slmhub.index.IndexArchive.sha256(archive)), digestLine);
        CliRun search = CliRun.of("search", "--index", archive.toString(), "tinystories");
        assertEquals(0, search.exitCode(), search::toString);
        assertTrue(search.out().startsWith("ggml-org/stories260k"), search::toString);
    }
}
