package org.slmhub.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slmhub.TestPaths;
import org.slmhub.cli.CliRun;

/** Rebuilds into the same folder render only what changed; counts come from the build's summary line. */
class IncrementalBuildTest {
    private static final Pattern SUMMARY = Pattern.compile("(\\d+) of (\\d+) pages rendered");
    @TempDir
    Path tmp;

    @Test
    void rendersOnlyWhatAChangeTouches() throws IOException {
        Path catalog = SiteFixture.catalog(tmp);
        Path source = copySource(tmp.resolve("source"));
        Path out = tmp.resolve("site");
        int[] first = build(catalog, source, out);
        assertEquals(first[1], first[0], "a first build renders every page");

        assertEquals(0, build(catalog, source, out)[0], "nothing changed, nothing rendered");

        Path manifest = catalog.resolve("ggml-org/stories260k/model.yaml");
        Files.writeString(manifest, Files.readString(manifest).replace("\nsummary: A 260K-parameter", "\nsummary: A tiny zyxquux 260K-parameter"));
        // its page, the model list, home (it lists the newest), and its license, task, architecture and publisher pages
        assertEquals(7, build(catalog, source, out)[0]);
        assertTrue(Files.readString(out.resolve("models/ggml-org/stories260k/index.html")).contains("A tiny zyxquux 260K-parameter"));
        assertEquals(List.of("ggml-org/stories260k"), offlineSearch(out, "zyxquux"), "the offline index was updated with the edit");

        Path layout = source.resolve("templates/layout.ftl");
        Files.writeString(layout, Files.readString(layout).replace("slmhub: small language models kept as data in Git.", "slmhub, changed footer."));
        int[] afterTemplate = build(catalog, source, out);
        assertEquals(afterTemplate[1], afterTemplate[0], "a template change renders everything");
        assertTrue(Files.readString(out.resolve("about.html")).contains("changed footer"), "JBake re-baked content/ too");
    }

    @Test
    void aRemovedModelLosesItsPage() throws IOException {
        Path catalog = SiteFixture.catalog(tmp);
        Path source = copySource(tmp.resolve("source"));
        Path out = tmp.resolve("site");
        build(catalog, source, out);
        Path page = out.resolve("models/huggingfacetb/smollm2-360m-instruct/index.html");
        assertTrue(Files.exists(page));
        deleteTree(catalog.resolve("huggingfacetb"));
        build(catalog, source, out);
        assertFalse(Files.exists(page));
        assertFalse(Files.exists(out.resolve("api/models/huggingfacetb/smollm2-360m-instruct.json")));
        assertFalse(offlineSearch(out, "smollm2").contains("huggingfacetb/smollm2-360m-instruct"), "the offline index dropped it");
        assertEquals(List.of("ggml-org/stories260k"), offlineSearch(out, "stories260k"), "and kept the others");
    }

    /** Model ids the site's offline-search archive returns for a query. */
    private static List<String> offlineSearch(Path out, String query) {
        CliRun run = CliRun.of("search", "--index", out.resolve("search/slmhub-index.zip").toString(), "--json", query);
        try {
            List<String> ids = new java.util.ArrayList<>();
            new com.fasterxml.jackson.databind.ObjectMapper().readTree(run.out()).get("results").forEach(r -> ids.add(r.get("id").asText()));
            return ids;
        } catch (IOException e) {
            throw new AssertionError(run.toString(), e);
        }
    }

    private static int[] build(Path catalog, Path source, Path out) {
        CliRun run = CliRun.of("build", "--no-search", "--catalog", catalog.toString(), "--source", source.toString(), "--out", out.toString());
        assertEquals(0, run.exitCode(), run::toString);
        Matcher m = SUMMARY.matcher(run.out());
        assertTrue(m.find(), run::toString);
        return new int[] {Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2))};
    }

    /** content/ and templates/ copied, so the test can change a template. */
    private static Path copySource(Path to) throws IOException {
        for (String folder : List.of("content", "templates")) {
            Path from = TestPaths.repoRoot().resolve(folder);
            try (Stream<Path> walk = Files.walk(from)) {
                for (Path p : walk.toList()) {
                    Path target = to.resolve(folder).resolve(from.relativize(p).toString());
                    if (Files.isDirectory(p)) {
                        Files.createDirectories(target);
                    } else {
                        Files.copy(p, target);
                    }
                }
            }
        }
        return to;
    }

    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
