package org.slmhub.registry;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slmhub.api.Slmhub;
import org.slmhub.api.SlmhubException;
import org.slmhub.artifact.ArtifactStore;
import org.slmhub.catalog.ModelManifest;
import org.slmhub.cli.CliRun;
import org.slmhub.TestPaths;
import org.slmhub.smoke.TinyManifests;
import org.slmhub.validate.Rule;

/**
 * A site's registry read back: from a folder {@code slmhub build} wrote, and over HTTP from a real
 * server on 127.0.0.1 that answers as the test says (a manifest, 404, 500, a cut or endless body, a stall).
 */
class SiteRegistryTest {
    private static final Duration CONNECT = Duration.ofSeconds(5);
    private static final Duration READ = Duration.ofMillis(500);

    @TempDir
    Path tmp;
    Path site;
    Path cache;
    HttpServer server;
    /** What the server answers per path: a status and body, or a hostile behaviour. */
    final Map<String, Answer> answers = new ConcurrentHashMap<>();
    /** Ends a stalled answer when the test is done with it. */
    final CountDownLatch release = new CountDownLatch(1);

    sealed interface Answer permits Body, Cut, Stall, Endless {
    }

    record Body(int status, byte[] bytes) implements Answer {
    }

    /** Promises more bytes than it sends, then closes. */
    record Cut(byte[] bytes) implements Answer {
    }

    record Stall() implements Answer {
    }

    record Endless() implements Answer {
    }

    @BeforeEach
    void builtSiteAndServer() throws IOException {
        Path catalog = tmp.resolve("models");
        for (String id : List.of("acme/tiny", "acme/small")) {
            TinyManifests.write(catalog, id, TinyManifests.yaml(id, List.of(new TinyManifests.Artifact("t.gguf", "F32",
                    "0".repeat(63) + (id.endsWith("tiny") ? "1" : "2"), 1000)), ""));
        }
        site = tmp.resolve("site");
        CliRun build = CliRun.of("build", "--catalog", catalog.toString(), "--source", TestPaths.repoRoot().toString(),
                "--out", site.toString(), "--no-search");
        assertEquals(0, build.exitCode(), build::toString);
        cache = tmp.resolve("cache");
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::answer);
        server.start();
    }

    @AfterEach
    void stop() {
        release.countDown();
        server.stop(0); // again after a test stopped it: a no-op
    }

    private void answer(HttpExchange exchange) throws IOException {
        Answer a = answers.getOrDefault(exchange.getRequestURI().getPath(), new Body(404, new byte[0]));
        try (exchange) {
            if (a instanceof Body b) {
                exchange.sendResponseHeaders(b.status(), b.bytes().length == 0 ? -1 : b.bytes().length);
                exchange.getResponseBody().write(b.bytes());
            } else if (a instanceof Cut c) {
                exchange.sendResponseHeaders(200, c.bytes().length * 2L);
                exchange.getResponseBody().write(c.bytes());
                exchange.getResponseBody().flush();
            } else if (a instanceof Stall) {
                exchange.sendResponseHeaders(200, 0);
                exchange.getResponseBody().write('{');
                exchange.getResponseBody().flush();
                release.await(10, TimeUnit.SECONDS);
            } else {
                exchange.sendResponseHeaders(200, 0);
                OutputStream out = exchange.getResponseBody();
                byte[] chunk = new byte[1 << 16];
                for (long sent = 0; sent <= SiteRegistry.MAX_BYTES + chunk.length; sent += chunk.length) {
                    out.write(chunk);
                }
            }
        } catch (IOException | InterruptedException e) {
            // the client gave up, as it should
        }
    }

    private String base() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/site/";
    }

    private void serve(String id, byte[] bytes) {
        answers.put("/site/api/models/" + id + ".json", new Body(200, bytes));
    }

    private byte[] published(String id) throws IOException {
        return Files.readAllBytes(site.resolve("api/models/" + id + ".json"));
    }

    private SiteRegistry registry(boolean offline) throws RegistryException {
        return SiteRegistry.at(base(), cache, offline, CONNECT, READ);
    }

    private List<Path> cached() throws IOException {
        if (!Files.isDirectory(cache)) {
            return List.of();
        }
        try (Stream<Path> walk = Files.walk(cache)) {
            return walk.filter(Files::isRegularFile).toList();
        }
    }

    @Test
    void aBuiltSiteFolderGivesBackEveryManifestItWasBuiltFrom() throws Exception {
        SiteRegistry folder = SiteRegistry.at(site.toString(), cache, false, CONNECT, READ);
        for (String id : List.of("acme/tiny", "acme/small")) {
            SiteRegistry.Loaded loaded = folder.load(id);
            assertTrue(loaded.report().passed(), loaded.report().findings()::toString);
            ModelManifest m = loaded.report().entries().get(0).manifest();
            assertEquals(id, m.id());
            assertEquals(1000, m.artifacts().get(0).size());
            assertEquals(site.resolve("api/models/" + id + ".json"), loaded.file());
            assertNull(loaded.note());
        }
        assertTrue(cached().isEmpty(), "a folder is read where it is, not copied: " + cached());
    }

    @Test
    void aFetchedManifestIsKeptForOfflineUse() throws Exception {
        serve("acme/tiny", published("acme/tiny"));
        SiteRegistry.Loaded online = registry(false).load("acme/tiny");
        assertTrue(online.report().passed(), online.report().findings()::toString);
        assertEquals(List.of(online.file()), cached());
        assertArrayEquals(published("acme/tiny"), Files.readAllBytes(online.file()));

        answers.clear(); // the registry is gone; offline reads the kept copy without asking
        SiteRegistry.Loaded offline = registry(true).load("acme/tiny");
        assertEquals("acme/tiny", offline.report().entries().get(0).manifest().id());
        RegistryException never = assertThrows(RegistryException.class, () -> registry(true).load("acme/small"));
        assertEquals("the manifest of acme/small from " + base() + " is not in the cache, and --offline forbids fetching it", never.getMessage());
    }

    @Test
    void anUnreachableOrFailingRegistryFallsBackToTheKeptCopyAndSaysSo() throws Exception {
        serve("acme/tiny", published("acme/tiny"));
        Path kept = registry(false).load("acme/tiny").file();
        answers.put("/site/api/models/acme/tiny.json", new Body(503, new byte[0]));
        SiteRegistry.Loaded busy = registry(false).load("acme/tiny");
        assertTrue(busy.report().passed());
        assertTrue(busy.note().startsWith("HTTP 503 for " + base() + "api/models/acme/tiny.json; using the copy fetched "), busy.note());

        answers.put("/site/api/models/acme/tiny.json", new Cut(published("acme/tiny")));
        SiteRegistry.Loaded cut = registry(false).load("acme/tiny");
        assertTrue(cut.note().startsWith("cannot fetch the manifest of acme/tiny from "), cut.note());
        assertArrayEquals(published("acme/tiny"), Files.readAllBytes(kept), "a cut answer never replaces the kept copy");

        server.stop(0);
        SiteRegistry.Loaded down = registry(false).load("acme/tiny");
        assertTrue(down.note().contains("connection refused; using the copy fetched "), down.note());
    }

    @Test
    void nothingHalfFetchedIsKept() throws Exception {
        answers.put("/site/api/models/acme/tiny.json", new Cut(published("acme/tiny")));
        RegistryException cut = assertThrows(RegistryException.class, () -> registry(false).load("acme/tiny"));
        assertTrue(cut.getMessage().startsWith("cannot fetch the manifest of acme/tiny from " + base() + "api/models/acme/tiny.json: "), cut.getMessage());
        answers.put("/site/api/models/acme/tiny.json", new Endless());
        RegistryException endless = assertThrows(RegistryException.class, () -> registry(false).load("acme/tiny"));
        assertEquals("the manifest of acme/tiny from " + base() + "api/models/acme/tiny.json is larger than " + SiteRegistry.MAX_BYTES + " bytes",
                endless.getMessage());
        answers.put("/site/api/models/acme/tiny.json", new Stall());
        long t0 = System.nanoTime();
        RegistryException stall = assertThrows(RegistryException.class, () -> registry(false).load("acme/tiny"));
        assertTrue(stall.getMessage().endsWith("no data received for 500 ms"), stall.getMessage());
        assertTrue(System.nanoTime() - t0 < 8_000_000_000L, "gave up on the stall long before the server's 10 s");
        assertEquals(List.of(), cached());
    }

    @Test
    void anUnknownModelGetsTheClosestIdOfTheSite() throws Exception {
        answers.put("/site/api/models.json", new Body(200, Files.readAllBytes(site.resolve("api/models.json"))));
        RegistryException typo = assertThrows(RegistryException.class, () -> registry(false).load("acme/tyni"));
        assertEquals("no model `acme/tyni` at " + base() + " (HTTP 404 for " + base() + "api/models/acme/tyni.json); did you mean `acme/tiny`?",
                typo.getMessage());
        answers.clear();
        RegistryException bare = assertThrows(RegistryException.class, () -> registry(false).load("acme/tyni"));
        assertEquals("no model `acme/tyni` at " + base() + " (HTTP 404 for " + base() + "api/models/acme/tyni.json); the site lists its models in "
                + base() + "api/models.json", bare.getMessage());
        RegistryException folder = assertThrows(RegistryException.class, () -> SiteRegistry.at(site.toString(), cache, false, CONNECT, READ).load("acme/tyni"));
        assertEquals("no model `acme/tyni` in the site at " + site + " (no api/models/acme/tyni.json); did you mean `acme/tiny`?", folder.getMessage());
    }

    @Test
    void aServedManifestIsCheckedLikeACatalogFile() throws Exception {
        String json = new String(published("acme/tiny"), StandardCharsets.UTF_8).replace("\"license\" : \"MIT\"", "\"license\" : \"MIT\",\n  \"colour\" : \"blue\"");
        serve("acme/tiny", json.getBytes(StandardCharsets.UTF_8));
        SiteRegistry.Loaded loaded = registry(false).load("acme/tiny");
        assertFalse(loaded.report().passed());
        var finding = loaded.report().findings().get(0);
        assertEquals(Rule.SCHEMA_UNKNOWN_FIELD, finding.rule());
        assertEquals(loaded.file(), finding.file());
        List<String> lines = Files.readAllLines(loaded.file());
        assertEquals("  \"colour\" : \"blue\",", lines.get(finding.position().line() - 1), "the finding points at the kept file's line");

        serve("acme/small", published("acme/tiny"));
        RegistryException other = assertThrows(RegistryException.class, () -> registry(false).load("acme/small"));
        assertTrue(other.getMessage().startsWith(base() + " answers for `acme/small` with the manifest of `acme/tiny` ("), other.getMessage());
    }

    @Test
    void theJavaApiChoosesFromARegistryAndRefusesABadManifest() throws Exception {
        ArtifactStore store = ArtifactStore.builder(cache).allowDownload(false).build();
        Slmhub folder = Slmhub.fromRegistry(SiteRegistry.at(site.toString(), cache, false, CONNECT, READ), store);
        assertEquals("t.gguf", folder.choose("acme/small:F32").artifact().file());
        assertEquals("0".repeat(63) + "2", folder.choose("acme/small").artifact().sha256());
        SlmhubException unknown = assertThrows(SlmhubException.class, () -> folder.choose("acme/tyni"));
        assertTrue(unknown.getMessage().endsWith("did you mean `acme/tiny`?"), unknown.getMessage());

        serve("acme/tiny", new String(published("acme/tiny"), StandardCharsets.UTF_8)
                .replace("\"license\" : \"MIT\"", "\"license\" : \"MIT\",\n  \"colour\" : \"blue\"").getBytes(StandardCharsets.UTF_8));
        Slmhub served = Slmhub.fromRegistry(registry(false), store);
        SlmhubException bad = assertThrows(SlmhubException.class, () -> served.choose("acme/tiny"));
        assertTrue(bad.getMessage().startsWith("the manifest of acme/tiny from " + base() + " has 1 error(s); first: "), bad.getMessage());
        assertTrue(bad.getMessage().endsWith(": unknown field `colour`"), bad.getMessage());
    }

    @Test
    void onlyHttpsOrThisMachineAndOnlyModelIds() throws Exception {
        RegistryException http = assertThrows(RegistryException.class,
                () -> SiteRegistry.at("http://example.org/slmhub", cache, false, CONNECT, READ).load("acme/tiny"));
        assertEquals("refusing to fetch the manifest of acme/tiny from http://example.org/slmhub/api/models/acme/tiny.json:"
                + " only https URLs are allowed (plain http only to localhost)", http.getMessage());
        RegistryException ftp = assertThrows(RegistryException.class, () -> SiteRegistry.at("ftp://example.org/", cache, false, CONNECT, READ));
        assertEquals("registry ftp://example.org/: give the https:// URL of a published slmhub site, or a site folder", ftp.getMessage());
        RegistryException notSite = assertThrows(RegistryException.class, () -> SiteRegistry.at(tmp.toString(), cache, false, CONNECT, READ));
        assertEquals("registry folder " + tmp + " is not a built slmhub site (it has no api/models/; slmhub build writes one)", notSite.getMessage());
        RegistryException id = assertThrows(RegistryException.class, () -> registry(false).load("acme/../../etc"));
        assertEquals("`acme/../../etc` is not a model id: publisher/model, in lowercase letters, digits, `.`, `_` and `-`", id.getMessage());
    }
}
