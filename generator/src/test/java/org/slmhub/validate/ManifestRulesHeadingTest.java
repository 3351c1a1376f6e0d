package org.slmhub.validate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.util.HashSet;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ManifestRulesHeadingTest {

    @Test
    void readsTheTitleOfMarkdownHeadings() {
        assertEquals("Limitations", ManifestRules.headingTitle("## Limitations"));
        assertEquals("Bias and risks", ManifestRules.headingTitle("###\tBias and risks ###  "));
        assertEquals("Training data", ManifestRules.headingTitle("# Training data#"));
        assertEquals("a # b", ManifestRules.headingTitle("## a # b ##"));
        assertNull(ManifestRules.headingTitle("####### Seven hashes"));
        assertNull(ManifestRules.headingTitle("##NoBlank"));
        assertNull(ManifestRules.headingTitle("## ## "));
    }

    @Test
    void aLongRunOfBlanksInAHeadingTakesLinearTime() {
        // the pattern this replaced needed seconds for 2,000 blanks and hours for this line
        String line = "## Limitations" + " ".repeat(1_000_000) + "of the card";
        long start = System.nanoTime();
        String title = assertTimeoutPreemptively(Duration.ofSeconds(30), () -> ManifestRules.headingTitle(line));
        System.out.printf("heading title of a %,d-character line: %.1f ms%n", line.length(), (System.nanoTime() - start) / 1e6);
        assertEquals(line.substring(3), title);
    }

    @Test
    void cardHeadingsAreFoundOnEveryKindOfLineBreak() {
        assertEquals(Set.of("intended use", "limitations", "bias"),
                ManifestRules.headings("# Intended use\r\ntext\r## Limitations\n\n### Bias ##\n#NoBlank\n text # no heading"));
        assertEquals(Set.of(), ManifestRules.headings(""));
        assertEquals(Set.of("end"), ManifestRules.headings("\n\r\n## End"));
    }

    @Test
    void cardHeadingsAreThoseOfTheCardsLinesOnRandomCards() {
        // the reference: every line as String#lines() splits them, each tested as a heading
        Random random = new Random(5);
        String[] parts = {"# ", "## ", "Limitations", " ", "#", "\n", "\r", "\r\n", "x", "\t", "Bias and risks"};
        for (int n = 0; n < 5_000; n++) {
            StringBuilder card = new StringBuilder();
            for (int i = random.nextInt(12); i > 0; i--) {
                card.append(parts[random.nextInt(parts.length)]);
            }
            Set<String> expected = new HashSet<>();
            card.toString().lines().map(ManifestRules::headingTitle).filter(t -> t != null).forEach(t -> expected.add(t.toLowerCase(Locale.ROOT)));
            assertEquals(expected, ManifestRules.headings(card.toString()), card.toString());
        }
    }
}
