package org.slmhub.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slmhub.smoke.MiniLm;

/** {@code slmhub bench embed} runs end to end on the real MiniLM; its figures are printed, none asserted. */
class BenchEmbedCommandTest {
    @TempDir
    Path tmp;

    @Test
    void printsEveryFigureLine() throws Exception {
        MiniLm.ModelFiles miniLm = MiniLm.extractTo(tmp);

        CliRun run = assertTimeoutPreemptively(Duration.ofSeconds(120), () -> CliRun.of("bench", "embed", "--model", miniLm.model().toString(),
                "--tokenizer", miniLm.tokenizer().toString(), "--runs", "1", "--sentences", "4"));

        System.out.println(run.out());
        assertEquals(ExitCode.OK, run.exitCode(), run.toString());
        for (String line : new String[] {"model " + miniLm.model(), "fork + load + embed 3 sentences", "  run 1: wall ",
                "dimension 384", "  wall: median ", "4 sentences in one worker", "  run 1: 4 sentences in ", "  median: "}) {
            assertTrue(run.out().contains(line), "missing `" + line + "` in\n" + run);
        }
    }

    @Test
    void withoutATokenizerTheErrorNamesBothOptions() {
        CliRun run = CliRun.of("bench", "embed", "--model", tmp.resolve("model.onnx").toString());

        assertEquals(ExitCode.USAGE, run.exitCode(), run.toString());
        assertTrue(run.err().contains("bench embed needs --model FILE.onnx and --tokenizer tokenizer.json"), run.toString());
    }

    @Test
    void tooManySentencesIsAUsageError() throws Exception {
        MiniLm.ModelFiles miniLm = MiniLm.extractTo(tmp);

        CliRun run = CliRun.of("bench", "embed", "--model", miniLm.model().toString(), "--tokenizer", miniLm.tokenizer().toString(),
                "--sentences", "65");

        assertEquals(ExitCode.USAGE, run.exitCode(), run.toString());
        assertTrue(run.err().contains("--sentences must be 1 to 64, got 65"), run.toString());
    }
}
