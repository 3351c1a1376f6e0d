package org.slmhub.smoke;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The request, the outcome and the worker protocol, without running a model. */
class SmokeRecordsTest {
    @Test
    void requestSurvivesTheTripToTheWorker() throws Exception {
        SmokeRequest request = SmokeRequest.greedy(Path.of("models/tiny.gguf"), "Once upon a time", 16)
                .withChat("Hi, \"you\"\n", 8).withLimits(new SmokeLimits(1_000, 2_000, 64));

        SmokeRequest read = WorkerProtocol.fromJson(WorkerProtocol.toJson(request), SmokeRequest.class);

        assertEquals(request, read);
        assertTrue(read.model().isAbsolute(), "the worker runs in another folder");
    }

    @Test
    void outcomeSurvivesTheTripBack() throws Exception {
        SmokeOutcome outcome = new SmokeOutcome(SmokeStatus.COMPLETED, "text", 3, true, false,
                new ChatAnswer("answer", 2, true), 10, 20, 150.0, 1 << 20, "engine", "");

        assertEquals(outcome, WorkerProtocol.fromJson(WorkerProtocol.toJson(outcome), SmokeOutcome.class));
        assertEquals(Optional.of(new ChatAnswer("answer", 2, true)), outcome.chatAnswer());
    }

    @Test
    void unknownKeysFromTheWorkerAreRejected() {
        String json = WorkerProtocol.toJson(SmokeOutcome.failed(SmokeStatus.CRASHED, "reason", 0, 0));
        String misspelled = json.replace("{\"status\"", "{\"txet\":\"\",\"status\"");

        assertThrows(UnrecognizedPropertyException.class, () -> WorkerProtocol.fromJson(misspelled, SmokeOutcome.class));
    }

    @Test
    void requestBoundsTheContextAndTheTokens() {
        Path model = Path.of("m.gguf");
        SmokeRequest ok = SmokeRequest.greedy(model, "p", 16);
        assertThrows(IllegalArgumentException.class, () -> SmokeRequest.greedy(model, "p", 0));
        assertThrows(IllegalArgumentException.class, () -> SmokeRequest.greedy(model, "p", SmokeRequest.DEFAULT_CONTEXT));
        assertThrows(IllegalArgumentException.class, () -> ok.withChat("hi", 0));
        assertThrows(IllegalArgumentException.class, () -> ok.withThreads(0));
        assertThrows(IllegalArgumentException.class, () -> new SmokeLimits(0, 1, 64));
    }

    @Test
    void reasonsAreOneLine() {
        SmokeOutcome outcome = SmokeOutcome.failed(SmokeStatus.CRASHED, "first\n  second\r\nthird ", 0, 0);

        assertEquals("first second third", outcome.reason());
    }

    @Test
    void exitCodesNameTheirSignal() {
        assertEquals("killed by signal 6 (SIGABRT)", ExitStatus.describe(134));
        assertEquals("killed by signal 11 (SIGSEGV)", ExitStatus.describe(139));
        assertEquals("killed by signal 9 (SIGKILL)", ExitStatus.describe(137));
        assertEquals("exited with code 1", ExitStatus.describe(1));
    }

    @Test
    void jvmCrashBannerGivesTheFaultAndTheFrame() {
        JvmCrashBanner banner = new JvmCrashBanner();
        for (String line : """
                #
                # A fatal error has been detected by the Java Runtime Environment:
                #
                #  SIGSEGV (0xb) at pc=0x00007f849ee83f14, pid=22789, tid=22789
                #
                # Problematic frame:
                # C  [libjllama.so+0x85f14]  llama_decode+0x24
                #""".lines().toList()) {
            banner.read(line);
        }

        assertEquals(Optional.of("SIGSEGV (0xb) at pc=0x00007f849ee83f14 in C [libjllama.so+0x85f14] llama_decode+0x24"),
                banner.summary());
        assertEquals(Optional.empty(), new JvmCrashBanner().summary());
    }
}
