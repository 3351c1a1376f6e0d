package org.slmhub.smoke;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The embedding worker needs no network: run in a network namespace of its own, with only a
 * loopback interface that is down ({@code unshare -rn}), it still embeds. DJL would otherwise ask
 * the EC2 metadata address and its telemetry bucket when a tokenizer is created.
 */
class OfflineWorkerTest {
    private static final long HANG_GUARD_SECONDS = 120;

    @TempDir
    Path dir;

    @Test
    void embedsInAWorkerWithoutANetwork() throws Exception {
        assumeTrue(unshareWorks(), "`unshare -rn` (user and network namespaces) is not available here");
        MiniLm.ModelFiles miniLm = MiniLm.extractTo(dir);
        EmbeddingRequest request = ForkedEmbedderTest.request(miniLm);
        Path scratch = Files.createDirectory(dir.resolve("scratch"));
        Path requestFile = Files.writeString(dir.resolve("request.json"), WorkerProtocol.toJson(request));
        List<String> command = new ArrayList<>(List.of("unshare", "-rn"));
        command.addAll(WorkerCommand.command(WorkerTask.EMBED, request.limits(), scratch));
        command.add(requestFile.toString());
        ProcessBuilder builder = new ProcessBuilder(command).directory(scratch.toFile())
                .redirectError(dir.resolve("stderr.txt").toFile());
        builder.environment().putAll(DjlSettings.workerEnvironment(scratch));

        long start = System.nanoTime();
        Process worker = builder.start();
        worker.getOutputStream().close();
        String stdout = new String(worker.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(worker.waitFor(HANG_GUARD_SECONDS, TimeUnit.SECONDS), "the worker ends");
        System.out.printf("worker without a network: %d ms%n", (System.nanoTime() - start) / 1_000_000);

        String result = stdout.lines().map(line -> WorkerProtocol.after(WorkerProtocol.RESULT, line))
                .filter(json -> json != null).findFirst().orElse(null);
        assertNotNull(result, "a result line in\n" + stdout + "\nstderr:\n" + Files.readString(dir.resolve("stderr.txt")));
        EmbeddingOutcome outcome = WorkerProtocol.fromJson(result, EmbeddingOutcome.class);
        assertEquals(SmokeStatus.COMPLETED, outcome.status(), outcome.reason());
        assertEquals(MiniLm.DIMENSION, outcome.dimension());
        assertEquals(0, worker.exitValue());
    }

    private static boolean unshareWorks() {
        try {
            Process probe = new ProcessBuilder("unshare", "-rn", "true").redirectErrorStream(true).start();
            probe.getInputStream().readAllBytes();
            return probe.waitFor(10, TimeUnit.SECONDS) && probe.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
