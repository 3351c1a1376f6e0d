package org.slmhub.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
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

    /**
     * A fresh build after edits writes what a build from scratch of the same catalog writes, file for
     * file: a summary (the model's page and its listings), a derivative's name (shown on its base's
     * page), a removed and an added model.
     */
    @Test
    void aRebuildAfterEditsEqualsABuildFromScratch() throws IOException {
        Path catalog = SiteFixture.catalog(tmp);
        Path source = copySource(tmp.resolve("source"));
        Path out = tmp.resolve("site");
        build(catalog, source, out);

        Path stories = catalog.resolve("ggml-org/stories260k/model.yaml");
        Files.writeString(stories, Files.readString(stories).replace("\nsummary: A 260K-parameter", "\nsummary: A tiny zyxquux 260K-parameter"));
        assertEquals(7, build(catalog, source, out)[0], "its page, the model list, home and its four listings");
        assertSameAsFromScratch(catalog, source, out, "after a summary changed");

        Path derivative = catalog.resolve("bartowski/smollm2-360m-instruct/model.yaml");
        String text = Files.readString(derivative);
        String name = text.lines().filter(l -> l.startsWith("name: ")).findFirst().orElseThrow();
        Files.writeString(derivative, text.replace(name + "\n", "name: Renamed quantization\n"));
        build(catalog, source, out);
        assertTrue(Files.readString(out.resolve("models/huggingfacetb/smollm2-360m-instruct/index.html")).contains("Renamed quantization"),
                "the base model's page lists its derivative by its new name");
        assertSameAsFromScratch(catalog, source, out, "after a derivative was renamed");

        deleteTree(catalog.resolve("ggml-org"));
        Path added = catalog.resolve("acme/stories-copy/model.yaml");
        Files.createDirectories(added.getParent());
        Files.writeString(added, Files.readString(TestPaths.repoRoot().resolve("models/ggml-org/stories260k/model.yaml"))
                .replace("\nid: ggml-org/stories260k\n", "\nid: acme/stories-copy\n").replace("\npublisher: ggml-org\n", "\npublisher: acme\n"));
        build(catalog, source, out);
        assertSameAsFromScratch(catalog, source, out, "after a model was removed and another added");
    }

    /** A state file that is damaged, or of an older format, is not trusted: the build renders every page again. */
    @Test
    void aDamagedOrOlderStateBuildsEverything() throws IOException {
        Path catalog = SiteFixture.catalog(tmp);
        Path source = copySource(tmp.resolve("source"));
        Path out = tmp.resolve("site");
        int pages = build(catalog, source, out)[1];
        Path state = out.resolve(BuildState.FILE);
        byte[] kept = Files.readAllBytes(state);

        Files.write(state, Arrays.copyOf(kept, kept.length / 2));
        Path stories = catalog.resolve("ggml-org/stories260k/model.yaml");
        Files.writeString(stories, Files.readString(stories).replace("\nsummary: A 260K-parameter", "\nsummary: A damaged-state 260K-parameter"));
        Files.writeString(out.resolve("models/ggml-org/stories260k/index.html"), "left by a build that was stopped");
        CliRun run = buildRun(catalog, source, out);
        assertTrue(run.err().contains("state of the last build: unreadable, not used, everything is built"), run::toString);
        assertEquals(pages, rendered(run)[0], "a torn state file: every page rendered");
        assertSameAsFromScratch(catalog, source, out, "after a torn state file");

        byte[] current = Files.readAllBytes(state);
        byte[] flipped = current.clone();
        flipped[current.length - 20] ^= 1;
        Files.write(state, flipped);
        run = buildRun(catalog, source, out);
        assertTrue(run.err().contains("state of the last build: unreadable, not used"), "a changed byte\n" + run);
        assertEquals(pages, rendered(run)[0], "a damaged state file: every page rendered");

        // the same layout under another format number, and the JSON state of format 2
        byte[] renumbered = Files.readAllBytes(state);
        ByteBuffer.wrap(renumbered, "slmhub build state\n".length(), Integer.BYTES).putInt(BuildState.FORMAT - 1);
        for (byte[] older : List.of(renumbered, "{\"@format\":\"2\",\"index.html\":\"x\"}".getBytes(StandardCharsets.UTF_8))) {
            Files.write(state, older);
            run = buildRun(catalog, source, out);
            assertTrue(run.err().contains("state of the last build: of another format, not used"), run::toString);
            assertEquals(pages, rendered(run)[0], "a state of another format: every page rendered");
        }
        assertEquals(0, build(catalog, source, out)[0], "and the state it wrote is used again");
    }

    /**
     * Every file of {@code out} equals the same file of a build from scratch, and both hold the same
     * files; left out: the build's own state, and the offline-search archive (it records when it was built).
     */
    private void assertSameAsFromScratch(Path catalog, Path source, Path out, String when) throws IOException {
        Path scratch = Files.createTempDirectory(tmp, "scratch");
        build(catalog, source, scratch);
        java.util.Map<String, byte[]> expected = files(scratch);
        java.util.Map<String, byte[]> actual = files(out);
        assertEquals(expected.keySet(), actual.keySet(), when + ": the same files");
        List<String> differ = expected.keySet().stream().filter(p -> !java.util.Arrays.equals(expected.get(p), actual.get(p))).toList();
        assertEquals(List.of(), differ, when + ": files that differ from a build from scratch");
        assertTrue(expected.size() > 20, "compared " + expected.size() + " files");
    }

    private static java.util.Map<String, byte[]> files(Path root) throws IOException {
        java.util.Map<String, byte[]> files = new java.util.TreeMap<>();
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.filter(Files::isRegularFile).toList()) {
                String name = root.relativize(p).toString().replace('\\', '/');
                if (!name.startsWith(".slmhub") && !name.startsWith("search/slmhub-index.zip")) {
                    files.put(name, Files.readAllBytes(p));
                }
            }
        }
        return files;
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
        return rendered(buildRun(catalog, source, out));
    }

    private static CliRun buildRun(Path catalog, Path source, Path out) {
        CliRun run = CliRun.of("build", "--no-search", "--catalog", catalog.toString(), "--source", source.toString(), "--out", out.toString());
        assertEquals(0, run.exitCode(), run::toString);
        return run;
    }

    private static int[] rendered(CliRun run) {
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
