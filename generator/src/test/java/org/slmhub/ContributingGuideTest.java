package org.slmhub;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Links into the contributor guide and out of it land on a heading, as GitHub renders anchors. */
class ContributingGuideTest {
    private static final Path DOCS = TestPaths.repoRoot().resolve("content/docs");

    private static Set<String> anchors(Path page) throws IOException {
        return Pattern.compile("(?m)^#{1,6} (.+)$").matcher(Files.readString(page)).results()
                .map(m -> m.group(1).toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9 -]", "").replace(' ', '-'))
                .collect(Collectors.toSet());
    }

    private static List<String> links(String text, String page) {
        return Pattern.compile(Pattern.quote(page) + "#([a-z0-9-]+)").matcher(text).results().map(m -> m.group(1)).toList();
    }

    @Test
    void linksToTheGuideFromTheCodeAndTheRulesLandOnASection() throws IOException {
        Set<String> guide = anchors(DOCS.resolve("contributing.md"));
        StringBuilder sources = new StringBuilder(Files.readString(DOCS.resolve("rules.md")));
        try (Stream<Path> java = Files.walk(TestPaths.repoRoot().resolve("generator/src/main/java"))) {
            for (Path file : java.filter(p -> p.toString().endsWith(".java")).toList()) {
                sources.append(Files.readString(file));
            }
        }
        List<String> used = links(sources.toString(), "contributing.md");
        assertTrue(!used.isEmpty(), "nothing links to the guide's sections");
        assertEquals(List.of(), used.stream().filter(a -> !guide.contains(a)).toList(), "sections missing from contributing.md: " + guide);
    }

    @Test
    void theGuidesLinksToTheRulesLandOnARule() throws IOException {
        Set<String> rules = anchors(DOCS.resolve("rules.md"));
        List<String> used = links(Files.readString(DOCS.resolve("contributing.md")), "rules.md");
        assertEquals(List.of(), used.stream().filter(a -> !rules.contains(a)).toList(), "not in rules.md: " + rules);
    }
}
