package org.slmhub.smoke;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExpectRecorderTest {
    private static final String HEAD = "# a comment that must survive\nschema: 1\nid: acme/tiny  # trailing comment\n";

    @Test
    void addsExpectToABlockKeepingEverythingElse() throws Exception {
        String yaml = HEAD + "smoke:\n  prompt: Once upon a time   # the prompt\n  max_tokens: 16\n\n# links follow\nlinks:\n  homepage: https://example.org\n";
        String out = ExpectRecorder.withExpect(yaml, ", there was a \"girl\"\nnamed Lily");
        assertEquals(HEAD + "smoke:\n  prompt: Once upon a time   # the prompt\n  max_tokens: 16\n"
                + "  expect:\n    exact: \", there was a \\\"girl\\\"\\nnamed Lily\"\n\n# links follow\nlinks:\n  homepage: https://example.org\n", out);
    }

    @Test
    void replacesAnExistingExpectOfAnyForm() throws Exception {
        String yaml = HEAD + "smoke:\n    prompt: Hi\n    expect:\n        regex: \"\\\\S\"\n    max_tokens: 4\n";
        String out = ExpectRecorder.withExpect(yaml, "there");
        assertEquals(HEAD + "smoke:\n    prompt: Hi\n    expect:\n      exact: \"there\"\n    max_tokens: 4\n", out);
        String flowExpect = HEAD + "smoke:\n  prompt: Hi\n  max_tokens: 4\n  expect: {contains: x}\n";
        assertEquals(HEAD + "smoke:\n  prompt: Hi\n  max_tokens: 4\n  expect:\n    exact: \"y\"\n", ExpectRecorder.withExpect(flowExpect, "y"));
    }

    @Test
    void rewritesAFlowSmokeAsABlock() throws Exception {
        String yaml = HEAD + "smoke: {prompt: \"The capital of France is\", max_tokens: 16}\nlinks: {}\n";
        String out = ExpectRecorder.withExpect(yaml, " Paris.");
        assertEquals(HEAD + "smoke:\n  prompt: \"The capital of France is\"\n  max_tokens: 16\n  expect:\n    exact: \" Paris.\"\nlinks: {}\n", out);
    }

    @Test
    void quotesEveryCharacterSafely() throws Exception {
        String nasty = "tab\t, colon: x, hash # y, unicode é 世界, control \u0001, backslash \\";
        String yaml = HEAD + "smoke:\n  prompt: p\n  max_tokens: 1\n";
        String out = ExpectRecorder.withExpect(yaml, nasty);
        assertTrue(out.contains("exact: "), out);
        // withExpect parses its own output and checks the value round-trips, so reaching here means it did
        assertEquals(out, ExpectRecorder.withExpect(out, nasty));
    }

    @Test
    void refusesAManifestWithoutSmoke() {
        var e = assertThrows(ExpectRecorder.RecordException.class, () -> ExpectRecorder.withExpect(HEAD, "x"));
        assertEquals("the manifest has no smoke block to record into", e.getMessage());
    }

    @Test
    void recordReplacesTheFileAtomically(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("model.yaml");
        Files.writeString(file, HEAD + "smoke:\n  prompt: p\n  max_tokens: 1\n");
        ExpectRecorder.record(file, "q");
        assertTrue(Files.readString(file).endsWith("  expect:\n    exact: \"q\"\n"));
        try (var files = Files.list(dir)) {
            assertEquals(1, files.count(), "no temporary file is left behind");
        }
    }

    @Test
    void theSeedManifestsAcceptARecording() throws IOException, ExpectRecorder.RecordException {
        Path models = org.slmhub.TestPaths.repoRoot().resolve("models");
        try (var walk = Files.walk(models)) {
            for (Path p : walk.filter(f -> f.getFileName().toString().equals("model.yaml")).toList()) {
                String yaml = Files.readString(p);
                if (yaml.contains("\nsmoke:\n  closer:")) {
                    ValuesRecorder.withValues(yaml, "a sentence", java.util.List.of(0.5, -0.25), 0.001);
                } else if (yaml.contains("\nsmoke:")) {
                    ExpectRecorder.withExpect(yaml, "recorded text");
                }
            }
        }
    }
}
