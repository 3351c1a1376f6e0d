package org.slmhub.artifact;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Separate JVMs sharing one cache, as two {@code slmhub pull} runs would: the OS file lock lets one
 * download while the others wait and then find the verified blob; a process killed mid-download
 * leaves only a partial file, which the next one resumes. The cache never holds a wrong blob.
 */
class SharedCacheProcessesTest {
    private static final int SIZE = 3 * 1024 * 1024;

    @TempDir
    Path tmp;
    private ArtifactServer server;
    private Path cache;

    @BeforeEach
    void start() throws IOException {
        server = new ArtifactServer(SIZE);
        cache = tmp.resolve("cache");
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private Process resolveInAnotherProcess() throws IOException {
        String java = ProcessHandle.current().info().command().orElse("java");
        return new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), ResolveInAnotherProcess.class.getName(),
                cache.toString(), "model.bin", server.uri("/model.bin").toString(), server.sha256, Long.toString(SIZE))
                .redirectErrorStream(true).start();
    }

    private static String finish(Process p) throws Exception {
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "the process ended");
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertEquals(0, p.exitValue(), out);
        return out;
    }

    private Path blob() {
        return cache.resolve("blobs/sha256/" + server.sha256);
    }

    private List<Path> partials() throws IOException {
        try (Stream<Path> files = Files.walk(cache)) {
            return files.filter(p -> p.toString().endsWith(".partial")).toList();
        }
    }

    @Test
    void threeProcessesPullingTheSameArtifactDownloadItOnce() throws Exception {
        server.thenReply(Replies.trickle(6, 400)); // slow enough (2.4 s) that all three start while it runs
        List<Process> processes = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            processes.add(resolveInAnotherProcess());
        }
        List<String> sources = new ArrayList<>();
        for (Process p : processes) {
            String line = finish(p);
            assertTrue(line.endsWith(" " + blob()), line);
            sources.add(line.substring(0, line.indexOf(' ')));
        }

        assertEquals(List.of("CACHE", "CACHE", "DOWNLOAD"), sources.stream().sorted().toList(), "one download, two waited for it");
        assertEquals(1, server.requests.get());
        assertEquals(SIZE, server.bytesServed.get());
        assertArrayEquals(server.data, Files.readAllBytes(blob()));
        assertEquals(List.of(), partials());
    }

    @Test
    void aProcessKilledMidDownloadLeavesNoBlobAndTheNextResumes() throws Exception {
        server.thenReply(Replies.trickle(10, 500));
        Process first = resolveInAnotherProcess();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (server.bytesServed.get() < 2L * SIZE / 10 && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        first.destroyForcibly(); // SIGKILL: no shutdown hook, no clean-up
        assertTrue(first.waitFor(30, TimeUnit.SECONDS));
        assertFalse(Files.exists(blob()), "a killed download never becomes a blob");
        assertEquals(1, partials().size(), "its bytes wait in a partial file");

        String line = finish(resolveInAnotherProcess());

        assertEquals("DOWNLOAD " + blob(), line);
        assertTrue(server.ranges.get(1).startsWith("bytes="), "resumed with a Range request: " + server.ranges);
        assertArrayEquals(server.data, Files.readAllBytes(blob()));
        assertEquals(List.of(), partials());
    }
}
