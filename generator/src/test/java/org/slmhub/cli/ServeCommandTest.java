package org.slmhub.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slmhub.TestPaths;
import org.slmhub.site.SiteFixture;
import picocli.CommandLine;

/** {@code slmhub serve} in this JVM, spoken to over real HTTP on 127.0.0.1. */
class ServeCommandTest {
    private static final Pattern SERVING = Pattern.compile("at http://127\\.0\\.0\\.1:(\\d+)/");
    private final HttpClient http = HttpClient.newHttpClient();
    @TempDir
    Path tmp;

    @Test
    void servesTheSiteAndRebuildsWhenAManifestChanges() throws Exception {
        Path catalog = SiteFixture.catalog(tmp);
        CommandLine cli = Main.commandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        ServeCommand serve = cli.getSubcommands().get("serve").getCommand();
        CompletableFuture<Integer> exit = CompletableFuture.supplyAsync(() -> cli.execute("serve", "--no-search", "--port", "0",
                "--catalog", catalog.toString(), "--source", TestPaths.repoRoot().toString(), "--out", tmp.resolve("site").toString()));
        try {
            String base = "http://127.0.0.1:" + waitForPort(out, exit, err) + "/";
            HttpResponse<String> home = get(base);
            assertEquals(200, home.statusCode());
            assertEquals("text/html; charset=utf-8", home.headers().firstValue("Content-Type").orElse(""));
            assertTrue(home.body().contains("id=\"count-models\">3<"), home.body());
            assertEquals("text/css; charset=utf-8", get(base + "site.css").headers().firstValue("Content-Type").orElse(""));
            assertEquals("application/json", get(base + "api/models.json").headers().firstValue("Content-Type").orElse(""));
            assertEquals(200, get(base + "models/ggml-org/stories260k/").statusCode());
            HttpResponse<String> missing = get(base + "no/such/page");
            assertEquals(404, missing.statusCode());
            assertTrue(missing.body().contains("id=\"not-found\""));
            assertEquals(404, get(base + "..%2f..%2fetc/passwd").statusCode());

            Path manifest = catalog.resolve("ggml-org/stories260k/model.yaml");
            Files.writeString(manifest, Files.readString(manifest).replace("\nsummary: A 260K-parameter", "\nsummary: Served fresh, a 260K-parameter"));
            long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
            String page = "";
            while (System.nanoTime() < deadline && !page.contains("Served fresh")) {
                Thread.sleep(200);
                page = get(base + "models/ggml-org/stories260k/").body();
            }
            assertTrue(page.contains("Served fresh"), "no rebuild after the manifest changed\n" + err);
        } finally {
            serve.stop.countDown();
        }
        assertEquals(0, exit.get(), err::toString);
    }

    private static int waitForPort(StringWriter out, CompletableFuture<Integer> exit, StringWriter err) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (System.nanoTime() < deadline) {
            Matcher m = SERVING.matcher(out.toString());
            if (m.find()) {
                return Integer.parseInt(m.group(1));
            }
            if (exit.isDone()) {
                throw new AssertionError("serve ended with " + exit.get() + "\n" + out + err);
            }
            Thread.sleep(100);
        }
        throw new AssertionError("serve did not start\n" + out + err);
    }

    private HttpResponse<String> get(String url) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(20)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
