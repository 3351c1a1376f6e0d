package org.slmhub.validate;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.slmhub.TestPaths;

/** The contributor guide explains exactly the rules the validator has: no more, no fewer. */
class RulesDocTest {
    @Test
    void everyRuleHasItsSectionAndEverySectionARule() throws IOException {
        String doc = Files.readString(TestPaths.repoRoot().resolve(Rule.GUIDE));
        Matcher m = Pattern.compile("(?m)^### ([a-z0-9-]+)\\s*$").matcher(doc);
        List<String> sections = m.results().map(r -> r.group(1)).sorted().toList();
        List<String> rules = Arrays.stream(Rule.values()).map(Rule::id).sorted().toList();
        assertEquals(rules, sections);
    }
}
