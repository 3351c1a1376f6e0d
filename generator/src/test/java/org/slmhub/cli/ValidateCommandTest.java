package org.slmhub.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slmhub.TestPaths;

class ValidateCommandTest {
    @TempDir
    Path tmp;

    private Path catalogWith(String id, String manifest) throws IOException {
        Path file = tmp.resolve("models").resolve(id).resolve("model.yaml");
        Files.createDirectories(file.getParent());
        Files.writeString(file, manifest);
        return tmp.resolve("models");
    }

    private static String validManifest() throws IOException {
        return Files.readString(TestPaths.repoRoot().resolve("models/ggml-org/stories260k/model.yaml"));
    }

    @Test
    void theBundledCatalogPasses() {
        CliRun run = CliRun.of("validate", "--catalog", TestPaths.repoRoot().resolve("models").toString());
        assertEquals(0, run.exitCode(), run::toString);
        assertTrue(run.out().contains("no problems") || run.out().contains(" 0 errors"), run::toString);
        assertFalse(run.out().contains("error["), run::toString);
    }

    @Test
    void humanOutputNamesFileLineRuleHintAndDocs() throws IOException {
        Path catalog = catalogWith("ggml-org/stories260k", validManifest().replace("\nlicense: MIT", "\nlicence: MIT"));
        CliRun run = CliRun.of("validate", "--catalog", catalog.toString());
        assertEquals(1, run.exitCode(), run::toString);
        String location = catalog.resolve("ggml-org/stories260k/model.yaml") + ":12:1: error[schema-unknown-field]: unknown field `licence`";
        assertTrue(run.out().contains(location), run::toString);
        assertTrue(run.out().contains(" 12 | licence: MIT"), run::toString);
        assertTrue(run.out().contains("= hint: did you mean `license`?"), run::toString);
        assertTrue(run.out().contains("= docs: content/docs/rules.md#schema-unknown-field"), run::toString);
        assertTrue(run.out().endsWith("checked 1 manifest: 1 error, 0 warnings\n"), run::toString);
        assertEquals("", run.err());
    }

    @Test
    void collectsProblemsFromEveryFileBeforeFailing() throws IOException {
        catalogWith("ggml-org/stories260k", validManifest().replace("parameters: 292800", "parameters: lots"));
        Path catalog = catalogWith("ggml-org/other", validManifest().replace("id: ggml-org/stories260k", "id: ggml-org/other"));
        CliRun run = CliRun.of("validate", "--catalog", catalog.toString(), "--format", "json");
        assertEquals(1, run.exitCode(), run::toString);
        JsonNode json = new ObjectMapper().readTree(run.out());
        assertEquals(2, json.get("files").asInt());
        // one schema error in the first file, and the second duplicates nothing because the first never bound
        assertEquals(1, json.get("errors").asInt(), run::toString);
        JsonNode f = json.get("findings").get(0);
        assertEquals("schema-type", f.get("rule").asText());
        assertEquals(17, f.get("line").asInt());
        assertEquals(13, f.get("column").asInt());
        assertEquals("`parameters` must be an integer, found string \"lots\"", f.get("message").asText());
    }

    @Test
    void quotedManifestTextCannotBreakAFindingOverLines() throws IOException {
        // a double-quoted YAML string may hold line breaks and terminal escapes
        Path catalog = catalogWith("ggml-org/stories260k",
                validManifest().replace("parameters: 292800", "parameters: \"lots\\n  of\\e[2J\""));
        CliRun run = CliRun.of("validate", "--catalog", catalog.toString());
        assertEquals(1, run.exitCode(), run::toString);
        String expected = catalog.resolve("ggml-org/stories260k/model.yaml")
                + ":17:13: error[schema-type]: `parameters` must be an integer, found string \"lots\\n  of\\u001b[2J\"\n";
        assertTrue(run.out().startsWith(expected), run::toString);
    }

    @Test
    void duplicateArtifactsAreReportedOnBothSides() throws IOException {
        catalogWith("ggml-org/stories260k", validManifest());
        Path catalog = catalogWith("ggml-org/copy", validManifest().replace("id: ggml-org/stories260k", "id: ggml-org/copy"));
        CliRun run = CliRun.of("validate", "--catalog", catalog.toString(), "--format", "github");
        assertEquals(1, run.exitCode(), run::toString);
        long annotations = run.out().lines().filter(l -> l.startsWith("::error file=") && l.contains("title=duplicate-artifact::")).count();
        assertEquals(2, annotations, run::toString);
        assertTrue(run.out().contains("line=52,col=13"), run::toString);
    }

    @Test
    void githubFormatEscapesNewlinesAndProperties() {
        assertEquals("a%0Ab%25", FindingsPrinter.data("a\nb%"));
        assertEquals("x%3Ay%2Cz", FindingsPrinter.property("x:y,z"));
    }

    @Test
    void pathsLimitTheReportButCatalogRulesSeeEverything() throws IOException {
        catalogWith("ggml-org/stories260k", validManifest());
        Path catalog = catalogWith("ggml-org/copy", validManifest().replace("id: ggml-org/stories260k", "id: ggml-org/copy"));
        Path one = catalog.resolve("ggml-org/copy");
        CliRun run = CliRun.of("validate", "--catalog", catalog.toString(), one.toString());
        assertEquals(1, run.exitCode(), run::toString);
        assertTrue(run.out().contains("checked 1 manifest: 1 error"), run::toString);
        assertTrue(run.out().contains("also listed by"), run::toString);
    }

    @Test
    void missingCatalogIsAUsageErrorWithoutStackTrace() {
        CliRun run = CliRun.of("validate", "--catalog", tmp.resolve("nope").toString());
        assertEquals(2, run.exitCode(), run::toString);
        assertTrue(run.err().startsWith("slmhub: error: catalog folder "), run::toString);
        assertFalse(run.err().contains("Exception"), run::toString);
    }

    @Test
    void downloadTimeoutOutsideItsRangeIsAUsageError() throws IOException {
        Path catalog = catalogWith("ggml-org/stories260k", validManifest());
        for (String timeout : new String[] {"0", "-1", "NaN", "100000"}) {
            CliRun run = CliRun.of("validate", "--artifacts", "--catalog", catalog.toString(),
                    "--cache", tmp.resolve("cache").toString(), "--download-timeout", timeout);
            assertEquals(2, run.exitCode(), run::toString);
            assertEquals("slmhub: error: --download-timeout must be from 0.001 to 86400 seconds\n", run.err(), run::toString);
        }
        assertFalse(Files.exists(tmp.resolve("cache")), "nothing is fetched with a bad timeout");
    }

    @Test
    void unknownOptionIsAUsageError() {
        CliRun run = CliRun.of("validate", "--frobnicate");
        assertEquals(2, run.exitCode(), run::toString);
        assertTrue(run.err().contains("Unknown option: '--frobnicate'"), run::toString);
    }

    @Test
    void helpListsCommandsAndOptions() {
        CliRun root = CliRun.of("--help");
        assertEquals(0, root.exitCode());
        assertTrue(root.out().contains("validate"), root::toString);
        assertTrue(root.out().contains("Exit codes: 0 ok, 1 problems found, 2 usage or internal error."), root::toString);
        CliRun validate = CliRun.of("validate", "--help");
        assertEquals(0, validate.exitCode());
        for (String option : new String[] {"--catalog", "--format", "--artifacts", "--mirror", "--offline", "--download-timeout"}) {
            assertTrue(validate.out().contains(option), () -> option + " missing from\n" + validate);
        }
    }
}
