package org.slmhub.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slmhub.catalog.CatalogFiles;
import org.slmhub.smoke.TinyLlama;
import org.slmhub.validate.Finding;
import org.slmhub.validate.ValidationReport;
import org.slmhub.validate.Validator;

/** {@code slmhub new}: a draft from a GGUF that passes the schema and leaves only placeholders to fill. */
class NewCommandTest {
    @TempDir
    Path tmp;
    Path catalog;
    Path gguf;

    @BeforeEach
    void setUp() throws IOException {
        catalog = Files.createDirectories(tmp.resolve("models"));
        gguf = TinyLlama.write(tmp.resolve("tiny-f32.gguf"));
    }

    @Test
    void draftsFromTheHeaderAndLeavesOnlyPlaceholders() throws IOException {
        String url = "https://huggingface.co/acme/tiny-GGUF/resolve/0123abc/tiny-f32.gguf";
        CliRun run = CliRun.of("new", "acme/tiny", "--gguf", gguf.toString(), "--url", url, "--catalog", catalog.toString());
        assertEquals(0, run.exitCode(), run::toString);
        Path manifest = catalog.resolve("acme/tiny/model.yaml");
        String yaml = Files.readString(manifest);
        assertTrue(yaml.startsWith("# yaml-language-server: $schema=../../../generator/src/main/resources/schema/model.schema.json\n"), yaml);
        assertTrue(yaml.contains("\narchitecture: llama\n"), yaml);
        assertTrue(yaml.contains("\ncontext_length: 512\n"), yaml);
        assertTrue(yaml.contains("\n    quantization: F32\n"), yaml);
        assertTrue(yaml.contains("\n    url: " + url + "\n"), yaml);
        assertTrue(yaml.contains("\n    sha256: " + SmokeCommandTest.sha256(Files.readAllBytes(gguf)) + "\n"), yaml);
        assertTrue(yaml.contains("\n    size: " + Files.size(gguf) + "\n"), yaml);
        assertTrue(yaml.contains("\nname: \"slmhub tiny llama\"\n"), yaml);

        // Only placeholders remain: the schema and every other rule pass.
        CatalogFiles files = CatalogFiles.read(catalog, List.of());
        ValidationReport report = new Validator().validate(files.manifests(), List.of(), files.misplaced());
        List<String> rules = report.findings().stream().map(f -> f.rule().id()).distinct().toList();
        assertEquals(List.of("placeholder"), rules, report.findings()::toString);
        List<Integer> lines = report.findings().stream().map(f -> f.position().line()).toList();
        List<String> text = Files.readAllLines(manifest);
        for (int line : lines) {
            assertTrue(text.get(line - 1).contains("TODO(slmhub-new)"), "line " + line);
        }
        // The license stays a placeholder: the tiny file states none.
        assertTrue(report.findings().stream().anyMatch(f -> f.message().equals(
                "placeholder left by `slmhub new`: SPDX id, or other with license_name and license_link")), report.findings()::toString);
        assertEquals(text.stream().filter(l -> l.contains("TODO(slmhub-new)")).count(), report.findings().size());
        assertTrue(run.out().contains("error[placeholder]: placeholder left by `slmhub new`: one line on what the model is and what it is for"), run::toString);
        assertTrue(report.findings().stream().allMatch(Finding::isError));
    }

    @Test
    void refusesToOverwriteAnExistingManifest() throws IOException {
        Path manifest = catalog.resolve("acme/tiny/model.yaml");
        Files.createDirectories(manifest.getParent());
        Files.writeString(manifest, "kept\n");
        CliRun run = CliRun.of("new", "acme/tiny", "--gguf", gguf.toString(), "--catalog", catalog.toString());
        assertEquals(2, run.exitCode(), run::toString);
        assertTrue(run.err().contains("model.yaml already exists; slmhub new never overwrites"), run::toString);
        assertEquals("kept\n", Files.readString(manifest));
    }

    @Test
    void aUrlAloneNeedsThePublishersDigestAndGetsItThroughTheVerifiedStore() throws IOException {
        String url = "https://example.org/acme/tiny/resolve/0123abc/tiny-f32.gguf";
        CliRun missing = CliRun.of("new", "acme/tiny", "--url", url, "--catalog", catalog.toString());
        assertEquals(2, missing.exitCode(), missing::toString);
        assertTrue(missing.err().contains("--url needs --sha256 and --size as the publisher lists them"), missing::toString);

        String sha = SmokeCommandTest.sha256(Files.readAllBytes(gguf));
        CliRun wrong = CliRun.of("new", "acme/tiny", "--url", url, "--sha256", "1".repeat(64), "--size", String.valueOf(Files.size(gguf)),
                "--catalog", catalog.toString(), "--offline", "--mirror", tmp.toString(), "--cache", tmp.resolve("cache").toString());
        assertEquals(1, wrong.exitCode(), wrong::toString);
        assertTrue(!Files.exists(catalog.resolve("acme/tiny/model.yaml")), "no draft from a file that did not verify");

        CliRun ok = CliRun.of("new", "acme/tiny", "--url", url, "--sha256", sha, "--size", String.valueOf(Files.size(gguf)),
                "--catalog", catalog.toString(), "--offline", "--mirror", tmp.toString(), "--cache", tmp.resolve("cache").toString());
        assertEquals(0, ok.exitCode(), ok::toString);
        assertTrue(Files.readString(catalog.resolve("acme/tiny/model.yaml")).contains("\n    url: " + url + "\n"));
    }

    @Test
    void anInvalidIdIsAUsageError() {
        CliRun run = CliRun.of("new", "Acme/Tiny", "--gguf", gguf.toString(), "--catalog", catalog.toString());
        assertEquals(2, run.exitCode(), run::toString);
        assertTrue(run.err().contains("id `Acme/Tiny` is not <publisher>/<model> in lowercase"), run::toString);
    }
}
