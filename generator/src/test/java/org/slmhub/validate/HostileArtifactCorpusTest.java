package org.slmhub.validate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.slmhub.TestPaths;
import org.slmhub.artifact.ArtifactServer;
import org.slmhub.artifact.LocalTls;
import org.slmhub.cli.CliRun;

/**
 * Level 4 against hostile files and servers: each folder under test resources
 * {@code hostile/artifacts/} is a one-model catalog whose manifest template says with
 * {@code # expect: LINE:COL RULE} (and {@code # says: TEXT}) what {@code slmhub validate --artifacts}
 * must report, and whose {@code artifact} file says what is served and how (see
 * {@link HostileArtifactCase}). The real CLI runs in this JVM against a mirror folder or a real
 * HTTPS server on 127.0.0.1; every case must end with exit 1, exactly the expected findings, no stack
 * trace, nothing written outside the cache, and no unverified file in the cache's blobs.
 */
class HostileArtifactCorpusTest {
    /** Short enough that stalls end quickly, long enough for a TLS handshake on a loaded 2-core machine. */
    private static final String DOWNLOAD_TIMEOUT_SECONDS = "3";
    private static final Pattern FINDING = Pattern.compile("^(.+):(\\d+):(\\d+): (error|warning)\\[([a-z0-9-]+)\\]: .*$");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{(sha256|url|size)([+-]\\d+)?}}");
    private static final Map<String, Duration> DURATIONS = new ConcurrentHashMap<>();
    private static AutoCloseable trust;

    @TempDir
    Path tmp;

    static Path corpus() {
        return TestPaths.repoRoot().resolve("generator/src/test/resources/hostile/artifacts");
    }

    static Stream<String> cases() throws IOException {
        try (Stream<Path> dirs = Files.list(corpus())) {
            return dirs.filter(Files::isDirectory).map(p -> p.getFileName().toString()).sorted().toList().stream();
        }
    }

    @BeforeAll
    static void warmUpAndTrustTheLocalServer() throws Exception {
        trust = LocalTls.trustedByDefault();
        // The first CLI run loads the validator's classes and schema: timed apart, so the cases compare.
        long cold = System.nanoTime();
        CliRun first = CliRun.of("validate", "--catalog", corpus().resolve(cases().findFirst().orElseThrow()).resolve("models").toString());
        assertTrue(first.exitCode() == 0 || first.exitCode() == 1, first::toString);
        System.out.printf("first CLI run in this JVM (loading classes and the schema), not counted below: %d ms%n",
                Duration.ofNanos(System.nanoTime() - cold).toMillis());
        // One handshake first, so the first https case does not pay for loading the TLS code.
        try (ArtifactServer warmUp = new ArtifactServer(new byte[1], LocalTls.context())) {
            HttpResponse<byte[]> reply = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(warmUp.uri("/warm-up")).build(), HttpResponse.BodyHandlers.ofByteArray());
            assertEquals(200, reply.statusCode());
        }
    }

    @AfterAll
    static void printDurations() throws Exception {
        if (trust != null) {
            trust.close();
        }
        List<Map.Entry<String, Duration>> byTime = new ArrayList<>(DURATIONS.entrySet());
        byTime.sort(Map.Entry.comparingByValue());
        System.out.println("hostile artifact corpus: " + byTime.size() + " cases, durations (slowest last):");
        byTime.forEach(e -> System.out.printf("  %6d ms  %s%n", e.getValue().toMillis(), e.getKey()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void failsWithExactlyTheExpectedFindings(String name) throws Exception {
        Path dir = corpus().resolve(name);
        HostileArtifactCase c = HostileArtifactCase.read(dir);
        Path catalog = tmp.resolve("models");
        Path mirror = Files.createDirectories(tmp.resolve("mirror"));
        Path cache = tmp.resolve("cache");
        try (ArtifactServer server = c.overHttps() ? new ArtifactServer(c.served(), LocalTls.context()) : null) {
            if (server != null) {
                server.replyAlways(c.reply());
            }
            List<Path> manifests = writeCatalog(dir, catalog, c, server);
            if (c.serve().equals("mirror")) {
                Files.write(mirror.resolve(artifactFile(manifests.get(0))), c.served());
            } else if (c.serve().equals("mirror-folder")) {
                Files.createDirectories(mirror.resolve(artifactFile(manifests.get(0))));
            }
            List<String> args = new ArrayList<>(List.of("validate", "--artifacts", "--catalog", catalog.toString(),
                    "--cache", cache.toString()));
            args.addAll(c.fromMirror() ? List.of("--offline", "--mirror", mirror.toString())
                    : List.of("--download-timeout", DOWNLOAD_TIMEOUT_SECONDS));
            Map<String, String> before = snapshotOutside(cache);

            long start = System.nanoTime();
            CliRun run = assertTimeoutPreemptively(Duration.ofSeconds(60), () -> CliRun.of(args.toArray(String[]::new)),
                    () -> name + " did not finish within 60 s");
            DURATIONS.put(name, Duration.ofNanos(System.nanoTime() - start));

            assertEquals(1, run.exitCode(), run::toString);
            assertEquals(expectedFindings(manifests), actualFindings(run), run::toString);
            for (String said : expectedTexts(manifests)) {
                assertTrue(run.out().contains(said), () -> "output lacks `" + said + "`\n" + run);
            }
            for (String trace : List.of("Exception", "\tat ", "Caused by")) {
                assertFalse(run.out().contains(trace) || run.err().contains(trace), () -> "stack trace text `" + trace + "`\n" + run);
            }
            assertEquals("", run.err(), run::toString);
            assertEquals(before, snapshotOutside(cache), "files outside the cache changed");
            assertCache(c, cache);
        }
    }

    /** Copies the case's catalog, filling the placeholders on their own lines so every line number stays. */
    private static List<Path> writeCatalog(Path dir, Path catalog, HostileArtifactCase c, ArtifactServer server) throws IOException {
        List<Path> written = new ArrayList<>();
        Path models = dir.resolve("models");
        try (Stream<Path> files = Files.walk(models)) {
            for (Path source : files.filter(Files::isRegularFile).sorted().toList()) {
                Path target = catalog.resolve(models.relativize(source).toString());
                Files.createDirectories(target.getParent());
                List<String> lines = new ArrayList<>();
                for (String line : Files.readAllLines(source)) {
                    lines.add(fill(line, c, server));
                }
                Files.write(target, lines);
                written.add(target);
            }
        }
        assertFalse(written.isEmpty(), dir + " has no manifest");
        return written;
    }

    private static String fill(String line, HostileArtifactCase c, ArtifactServer server) throws IOException {
        Matcher m = PLACEHOLDER.matcher(line);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            long offset = m.group(2) == null ? 0 : Long.parseLong(m.group(2));
            String value = switch (m.group(1)) {
                case "sha256" -> ArtifactCheckTest.sha256(c.described());
                case "size" -> String.valueOf(c.described().length + offset);
                default -> url(c, server);
            };
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        return m.appendTail(out).toString();
    }

    private static String url(HostileArtifactCase c, ArtifactServer server) throws IOException {
        if (server != null) {
            return server.uri("/acme/" + c.name() + "/model.gguf").toString();
        }
        if (c.serve().equals("refused")) {
            try (ServerSocket free = new ServerSocket(0)) {
                return "https://127.0.0.1:" + free.getLocalPort() + "/acme/" + c.name() + "/model.gguf";
            }
        }
        return "https://example.org/acme/" + c.name() + "/resolve/0123abc/model.gguf";
    }

    private static String artifactFileOn(String line) {
        String trimmed = line.strip();
        return trimmed.startsWith("- file: ") ? trimmed.substring("- file: ".length()).strip() : null;
    }

    private static String artifactFile(Path manifest) throws IOException {
        return Files.readAllLines(manifest).stream().map(HostileArtifactCorpusTest::artifactFileOn)
                .filter(f -> f != null).findFirst().orElseThrow(() -> new IllegalStateException(manifest + " lists no file"));
    }

    private static List<String> expectedFindings(List<Path> manifests) throws IOException {
        List<String> expected = new ArrayList<>();
        for (Path manifest : manifests) {
            for (String line : Files.readAllLines(manifest)) {
                if (line.startsWith("# expect: ")) {
                    expected.add(Finding.display(manifest) + ":" + line.substring("# expect: ".length()).strip());
                }
            }
        }
        assertFalse(expected.isEmpty(), "the case has no expect line");
        return expected.stream().sorted().toList();
    }

    private static List<String> expectedTexts(List<Path> manifests) throws IOException {
        List<String> texts = new ArrayList<>();
        for (Path manifest : manifests) {
            Files.readAllLines(manifest).stream().filter(l -> l.startsWith("# says: "))
                    .forEach(l -> texts.add(l.substring("# says: ".length()).strip()));
        }
        return texts;
    }

    /** Every {@code path:line:col: severity[rule]} line, as {@code path:line:col rule}. */
    private static List<String> actualFindings(CliRun run) {
        List<String> found = new ArrayList<>();
        for (String line : run.out().split("\n")) {
            Matcher m = FINDING.matcher(line);
            if (m.matches()) {
                found.add(m.group(1) + ":" + m.group(2) + ":" + m.group(3) + " " + m.group(5));
            }
        }
        return found.stream().sorted().toList();
    }

    /** Every file (with size and modification time) and folder under the temp folder but outside the cache. */
    private Map<String, String> snapshotOutside(Path cache) throws IOException {
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(tmp)) {
            for (Path p : walk.filter(p -> !p.startsWith(cache)).toList()) {
                BasicFileAttributes a = Files.readAttributes(p, BasicFileAttributes.class);
                // a folder's time changes with its entries (the cache is one), which are listed themselves
                files.put(tmp.relativize(p).toString(), a.isDirectory() ? "folder" : a.size() + " bytes, modified " + a.lastModifiedTime());
            }
        }
        return files;
    }

    /** The cache holds only verified blobs, and a partial file only where a resumable download broke off. */
    private static void assertCache(HostileArtifactCase c, Path cache) throws IOException {
        if (c.cache().equals("untouched")) {
            assertFalse(Files.exists(cache), "a lookup in the mirror must not create the cache");
            return;
        }
        List<Path> blobs = new ArrayList<>();
        List<Path> partials = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(cache)) {
            for (Path p : walk.filter(Files::isRegularFile).toList()) {
                String rel = cache.relativize(p).toString();
                if (rel.startsWith("blobs/sha256/")) {
                    assertEquals(p.getFileName().toString(), ArtifactCheckTest.sha256(Files.readAllBytes(p)), "blob " + rel + " is not what its name says");
                    blobs.add(p);
                } else if (rel.startsWith("tmp/") && rel.endsWith(".partial")) {
                    partials.add(p);
                } else {
                    assertTrue(rel.startsWith("tmp/") && rel.endsWith(".lock") && Files.size(p) == 0, "unexpected file in the cache: " + rel);
                }
            }
        }
        assertEquals(c.cache().equals("blob") ? 1 : 0, blobs.size(), "blobs: " + blobs);
        if (c.cache().equals("blob")) {
            assertArrayEquals(c.served(), Files.readAllBytes(blobs.get(0)));
        }
        assertEquals(c.cache().equals("partial") ? 1 : 0, partials.size(), "partial files: " + partials);
        if (c.cache().equals("partial")) {
            byte[] kept = Files.readAllBytes(partials.get(0));
            assertTrue(kept.length > 0 && kept.length < c.served().length, "partial holds " + kept.length + " bytes");
            assertArrayEquals(Arrays.copyOf(c.served(), kept.length), kept, "a kept partial must be a prefix of the file");
        }
    }
}
