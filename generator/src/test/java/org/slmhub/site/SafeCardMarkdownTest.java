package org.slmhub.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.commonmark.node.Node;
import org.junit.jupiter.api.Test;
import org.slmhub.TestPaths;
import org.slmhub.bench.SyntheticModels;
import org.slmhub.catalog.ManifestFile;

/**
 * The fast path must write exactly what the sanitizer writes, or leave the card to it: compared byte
 * for byte over the hostile payloads, the seed catalog, the bench's synthetic cards and random Markdown.
 */
class SafeCardMarkdownTest {
    private final CardHtml cards = new CardHtml();
    private final SafeCardMarkdown fast = new SafeCardMarkdown(CardHtml.EXTENSIONS);

    /** The HTML the fast path writes, after checking it is the sanitizer's; null when it left the card to the sanitizer. */
    private String sameAsSanitizer(String markdown) {
        Node document = cards.parse(markdown);
        String html = fast.html(document);
        if (html != null) {
            assertEquals(cards.sanitized(document), html, () -> "Markdown: " + markdown);
        }
        return html;
    }

    private long fastCount(List<String> cards) {
        return cards.stream().filter(c -> sameAsSanitizer(c) != null).count();
    }

    @Test
    void hostilePayloadCardsAreTheSanitizersOrLeftToIt() throws IOException {
        List<String> payloads = HostileCatalog.corpus();
        List<String> cards = payloads.stream().map(p -> HostileCatalog.card(p, "https://example.org/x")).toList();
        long taken = fastCount(cards);
        System.out.println("hostile cards on the fast path (their payloads are text to commonmark): " + taken + " of " + cards.size());
        assertNull(sameAsSanitizer(HostileCatalog.card("<script>window.__xss=1</script>", "javascript:alert(1)")), "raw HTML takes the sanitizer");
    }

    @Test
    void seedAndSyntheticCardsTakeTheFastPathUnlessTheyHoldRawHtml() throws IOException {
        List<String> seed = new ArrayList<>();
        try (Stream<Path> files = Files.walk(TestPaths.repoRoot().resolve("models"))) {
            files.filter(f -> f.endsWith("model.yaml")).forEach(f -> seed.add(ManifestFile.read(f).yaml().tree().path("card").asText()));
        }
        for (String card : seed) {
            String html = sameAsSanitizer(card);
            assertTrue(html != null || card.contains("<"), () -> "a seed card without raw HTML on the slow path: " + card);
        }
        List<String> synthetic = SyntheticModels.generate(1000, 42).stream().map(m -> m.card()).toList();
        assertEquals(synthetic.size(), fastCount(synthetic));
    }

    @Test
    void randomMarkdownIsTheSanitizersOrLeftToIt() {
        Random random = new Random(20240325);
        List<String> cards = Stream.generate(() -> RandomMarkdown.card(random)).limit(5_000).toList();
        long taken = fastCount(cards);
        System.out.println("random cards on the fast path: " + taken + " of " + cards.size());
        assertTrue(taken > cards.size() / 4, "enough random cards take the fast path for the comparison to mean something: " + taken);
    }

    @Test
    void markupTheSanitizerChangesIsLeftToIt() {
        for (String markdown : List.of("<b>raw</b> HTML", "<div>\nblock\n</div>", "![an image](https://example.org/x.png)",
                "[x](javascript:alert(1))", "[x](//example.org)", "[x](<a b>)", "[x]()", "[x](https://example.org/`x`)",
                "[x](https://example.org/\\x)", "[x](https://bücher.example)", "[a <https://example.org> b](https://example.org)",
                "```c\tx\n```", "```" + "a".repeat(41) + "\n```", "```{x}\n```", "x\u0001y", "a\u200Cb", "a\uD800b", "a\uFFFEb",
                ">".repeat(70) + " deep")) {
            assertNull(sameAsSanitizer(markdown), markdown);
        }
        assertNotNull(sameAsSanitizer(">".repeat(60) + " deep, but not as deep as the sanitizer's limit"));
        assertEquals("<p><a href=\"https://example.org/a_%28b%29?q&#61;1&amp;r&#61;&#39;2&#39;\" rel=\"nofollow noopener\">x</a> "
                        + "&#34;{<!-- -->{y}} &#x1f917;</p>\n",
                sameAsSanitizer("[x](https://example.org/a_(b)?q=1&r='2' \"a title\") \"{{y}} \uD83E\uDD17"));
    }

    @Test
    void plainUrlsAreWhatThePolicyKeepsButForBrackets() {
        for (String url : List.of("https://example.org/a(b){c}", "HTTP://x", "mailto:a@example.org", "/rel/a:b", "page.html#x:y", "?a=b",
                "#top", "x/y", "%6Aavascript:x", "javascript:x", "data:text/html,x", "vbscript:x", "//evil.example", "a b", "\\\\evil",
                "jav\tascript:x", "ftp://x", "https:x", "")) {
            String kept = CardHtml.POLICY.sanitize("<a href=\"" + url.replace("&", "&amp;") + "\">x</a>");
            String encoded = url.replace("(", "%28").replace(")", "%29").replace("{", "%7b").replace("}", "%7d").replace("@", "&#64;")
                    .replace("=", "&#61;");
            if (SafeCardMarkdown.plainUrl(url)) {
                assertTrue(kept.startsWith("<a href=\"" + encoded + "\" rel="), url + " -> " + kept);
            }
        }
        assertTrue(SafeCardMarkdown.plainUrl("https://example.org/a(b)"));
        assertTrue(SafeCardMarkdown.plainUrl("/models/x"));
        assertTrue(!SafeCardMarkdown.plainUrl("javascript:x") && !SafeCardMarkdown.plainUrl("//evil.example"));
    }
}
