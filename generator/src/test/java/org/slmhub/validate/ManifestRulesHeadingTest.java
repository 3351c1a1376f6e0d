package org.slmhub.validate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
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
}
