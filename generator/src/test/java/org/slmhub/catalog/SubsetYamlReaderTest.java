package org.slmhub.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slmhub.TestPaths;
import org.slmhub.bench.SyntheticCatalog;

/**
 * The subset reader must give exactly SnakeYAML's tree and positions, or nothing: on the seed
 * catalog, on synthetic manifests, on hand-picked corners of YAML, and on random documents (some
 * mutated into broken ones), where it must also leave alone everything SnakeYAML refuses.
 */
class SubsetYamlReaderTest {
    private final LocatedYamlParser parser = new LocatedYamlParser();

    @Test
    void readsEverySeedManifestAsSnakeYamlDoes() throws IOException {
        List<Path> manifests = manifests(TestPaths.repoRoot().resolve("models"));
        assertTrue(manifests.size() >= 20, "the seed catalog: " + manifests.size());
        for (Path manifest : manifests) {
            assertTrue(sameAsSnakeYaml(Files.readString(manifest, StandardCharsets.UTF_8)), manifest + " was left to SnakeYAML");
        }
    }

    @Test
    void readsSyntheticManifestsAsSnakeYamlDoes(@TempDir Path dir) throws IOException {
        SyntheticCatalog.write(dir, 200, 11);
        List<Path> manifests = manifests(dir);
        assertEquals(200, manifests.size());
        for (Path manifest : manifests) {
            assertTrue(sameAsSnakeYaml(Files.readString(manifest, StandardCharsets.UTF_8)), manifest + " was left to SnakeYAML");
        }
    }

    @Test
    void readsTheCommonShapesItself() {
        for (String yaml : List.of(
                "a: 1\n",
                "# lead\n\na: x # note\nb: 'it''s' # q\nc: \"say 'hi'\"\nd: [en, fr , x y]\ne: []\n",
                "a: https://h/p?q=1#frag\nb: C# and F#\nc: (0.49B) x, y [z] {w}\nd: tail   \n",
                "a:\n  b: 1\n  c:\n    - x\n    - y: 1\n      z: [2]\n    -   w: 3\n# end\n",
                "card: |\n  one\n\n    two\n  # not a comment\n   \n      \nb: 2\n",
                "card: |-\n  one\n\n\nb: 2\n",
                "card: |\n  one\n  two",
                "card: |  # header comment\n  x\n",
                "l:\n  - a\n  - b c # d\n  - 'e'\n",
                "a: 0755\nb: 1_000\nc: 1.5e3\nd: .inf\ne: ~\nf: Yes\ng: 2001-12-14\nh: 12:30\ni: 0x1F\n",
                "a: é ü 中文\nключ: значение\n",
                "first: [0.1187, -0.0151, -.5]\nb: -1\nc:\n  - -2\n",
                "regex: \"\\\\S\"\nq: \"a\\\"b/c\\nd\\te\"\n")) {
            assertTrue(sameAsSnakeYaml(yaml), "left to SnakeYAML:\n" + yaml);
        }
    }

    @Test
    void leavesTheRestToSnakeYaml() {
        for (String yaml : List.of(
                "", "# only\n", "- a\n", "  a: 1\n", "a: 1\n---\nb: 2\n", "%YAML 1.1\n---\na: 1\n",
                "a: b: c\n", "a: x\n  y\n", "a: x\n\n  y\n", "a: >\n  folded\n", "a: |+\n  keep\n", "a: |2\n   x\n",
                "a: |\n\n  lead\n", "a: |\nb: 1\n", "a:\nb: 1\n", "a:\n- x\n", "a: &x 1\nb: *x\n", "a: !!str 1\n",
                "a: \"x\\/y\"\n", "a: 'open\n", "a: [x,\n  y]\n", "a: {b: 1}\n", "a: 1\na: 2\n", "\"a\": 1\n",
                "a:\tb\n", "a: 1\r\nb: 2\r\n", "\uFEFFa: 1\n", "a: \uD83D\uDE00\n", "a: -x\n", "a: 'x'y\n", "a: [x]y\n",
                "k".repeat(1025) + ": 1\n", "a: [x, ]\n", "a: [[x]]\n", "a: [x: y]\n", "? a\n: b\n", "a: 1\n b: 2\n", "a:\n  - x\n   - y\n")) {
            assertNull(SubsetYamlReader.read(yaml, new PlainTextFirstResolver()), "read by the subset reader:\n" + yaml);
            sameAsSnakeYaml(yaml);
        }
    }

    @Test
    void agreesWithSnakeYamlOnRandomAndBrokenDocuments() {
        // -Dslmhub.yaml.seed and -Dslmhub.yaml.documents explore further than the suite's fixed run
        Random random = new Random(Long.getLong("slmhub.yaml.seed", 20261129));
        int read = 0;
        int left = 0;
        int documents = Integer.getInteger("slmhub.yaml.documents", 20_000);
        for (int i = 0; i < documents; i++) {
            String yaml = RandomYaml.document(random);
            if (random.nextInt(3) == 0) {
                yaml = RandomYaml.mutate(yaml, random);
            }
            if (sameAsSnakeYaml(yaml)) {
                read++;
            } else {
                left++;
            }
        }
        System.out.printf("subset reader: %d of %d random documents read, %d left to SnakeYAML%n", read, documents, left);
        assertTrue(read > documents / 5 && left > documents / 5, read + " read, " + left + " left");
    }

    @Test
    void limitsAreSnakeYamlsToReport() {
        StringBuilder many = new StringBuilder("a:\n");
        for (int i = 0; i < ManifestEvents.MAX_NODES; i++) {
            many.append("  - x\n");
        }
        assertNull(SubsetYamlReader.read(many.toString(), new PlainTextFirstResolver()));
        StringBuilder deep = new StringBuilder();
        for (int i = 0; i < ManifestEvents.MAX_DEPTH + 1; i++) {
            deep.append("  ".repeat(i)).append("k:\n");
        }
        deep.append("  ".repeat(ManifestEvents.MAX_DEPTH + 1)).append("v: 1\n");
        assertNull(SubsetYamlReader.read(deep.toString(), new PlainTextFirstResolver()));
        assertNull(SubsetYamlReader.read("a: 1" + "0".repeat(LocatedYamlParser.MAX_NUMBER_LENGTH) + "\n", new PlainTextFirstResolver()));
    }

    /**
     * True when the subset reader read {@code yaml}, after asserting that it read it exactly as
     * SnakeYAML does; false when it left it to SnakeYAML.
     */
    private boolean sameAsSnakeYaml(String yaml) {
        LocatedYaml subset = SubsetYamlReader.read(yaml, new PlainTextFirstResolver());
        if (subset == null) {
            return false;
        }
        LocatedYaml snake;
        try {
            snake = parser.parseWithSnakeYaml(yaml);
        } catch (YamlSyntaxException e) {
            fail("the subset reader read what SnakeYAML refuses (" + e.position() + ": " + e.getMessage() + "):\n" + yaml);
            return false;
        }
        assertNotNull(snake);
        assertEquals(snake.tree(), subset.tree(), yaml);
        assertEquals(snake.tree().toString(), subset.tree().toString(), yaml);
        assertEquals(snake.values(), subset.values(), yaml);
        assertEquals(snake.keys(), subset.keys(), yaml);
        return true;
    }

    private static List<Path> manifests(Path root) throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(p -> p.getFileName().toString().equals("model.yaml")).sorted().toList();
        }
    }
}
