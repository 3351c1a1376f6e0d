package org.slmhub.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slmhub.smoke.TinyLlama;

/**
 * {@code slmhub bench smoke} runs end to end on a tiny random llama: the figures are printed, and
 * none is asserted, since timings are not a test's business. It runs in this JVM because the
 * command returns instead of exiting; only {@link Main#main} ends the JVM.
 */
class BenchSmokeCommandTest {
    @TempDir
    Path tmp;

    @Test
    void printsEveryFigureLine() throws Exception {
        Path tiny = TinyLlama.write(tmp.resolve("tiny.gguf"));

        CliRun run = CliRun.of("bench", "smoke", "--model", tiny.toString(), "--runs", "1", "--tokens", "8");

        assertEquals(ExitCode.OK, run.exitCode(), run.toString());
        for (String line : new String[] {"model " + tiny, "fork + load + 16 tokens", "  run 1: wall ", "  wall: median ",
                "worker vs in-process, 8 tokens in a 512-token context", "  in-process warm-up: ", "  run 1: worker ",
                "  median: worker ", "worker/in-process ", "median per-run ratio "}) {
            assertTrue(run.out().contains(line), "missing `" + line + "` in\n" + run);
        }
    }

    @Test
    void aMissingModelFileIsAUsageError() {
        CliRun run = CliRun.of("bench", "smoke", "--model", tmp.resolve("absent.gguf").toString());

        assertEquals(ExitCode.USAGE, run.exitCode(), run.toString());
        assertTrue(run.err().contains("--model " + tmp.resolve("absent.gguf") + ": no such file"), run.toString());
    }

    @Test
    void tokensBeyondTheLargestContextAreAUsageError() throws Exception {
        Path tiny = TinyLlama.write(tmp.resolve("tiny.gguf"));

        CliRun run = CliRun.of("bench", "smoke", "--model", tiny.toString(), "--tokens", "9000");

        assertEquals(ExitCode.USAGE, run.exitCode(), run.toString());
        assertTrue(run.err().contains("--tokens must be 1 to 8128, got 9000"), run.toString());
    }

    @Test
    void withoutTheSharedFixtureTheErrorNamesTheModelOption() {
        assumeFalse(Files.isRegularFile(BenchCommand.DEFAULT_SMOKE_MODEL), "the default model is present in this folder");

        CliRun run = CliRun.of("bench", "smoke");

        assertEquals(ExitCode.USAGE, run.exitCode(), run.toString());
        assertTrue(run.err().contains("stories260K.gguf is absent") && run.err().contains("pass --model FILE"), run.toString());
    }

    @Test
    void unknownBenchmarkNamesTheAvailableOnes() {
        CliRun run = CliRun.of("bench", "nope");

        assertEquals(ExitCode.USAGE, run.exitCode(), run.toString());
        assertTrue(run.err().contains("unknown benchmark `nope`: available: validate, smoke"), run.toString());
    }
}
