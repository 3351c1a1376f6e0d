package org.slmhub.smoke;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import org.junit.jupiter.api.Test;
import org.slmhub.catalog.ModelManifest.Expect;

class ExpectCheckTest {
    @Test
    void exactMatchPassesAndAMismatchSaysWhere() {
        assertEquals(Verdict.PASSED, ExpectCheck.judge(new Expect("abc", null, null), "abc", false).verdict());
        var j = ExpectCheck.judge(new Expect("abcdef", null, null), "abXdef", false);
        assertEquals(Verdict.OUTPUT_MISMATCH, j.verdict());
        assertEquals("expected exactly \"abcdef\", got \"abXdef\" (first difference at character 2)", j.reason());
    }

    @Test
    void containsAndRegex() {
        assertEquals(Verdict.PASSED, ExpectCheck.judge(new Expect(null, "Lily", null), "a girl named Lily.", false).verdict());
        assertEquals("expected the output to contain \"Tom\", got \"a girl named Lily.\"",
                ExpectCheck.judge(new Expect(null, "Tom", null), "a girl named Lily.", false).reason());
        assertEquals(Verdict.PASSED, ExpectCheck.judge(new Expect(null, null, "L[a-z]+"), "named Lily", false).verdict());
        assertEquals(Verdict.OUTPUT_MISMATCH, ExpectCheck.judge(new Expect(null, null, "^\\d+$"), "named Lily", false).verdict());
        assertEquals("smoke.expect.regex does not compile: Unclosed group",
                ExpectCheck.judge(new Expect(null, null, "(a"), "a", false).reason());
    }

    @Test
    void aCatastrophicallyBacktrackingRegexIsStoppedAndNamed() {
        // the back-reference defeats java.util.regex's loop memo: on 24 a's this ran for 67 s here, on 30 for hours
        var j = assertTimeoutPreemptively(java.time.Duration.ofSeconds(30),
                () -> ExpectCheck.judge(new Expect(null, null, "((a+)\\2?)+b"), "a".repeat(30), false));
        assertEquals(Verdict.OUTPUT_MISMATCH, j.verdict());
        assertEquals(ExpectCheck.REGEX_TOO_SLOW, j.reason());
    }

    @Test
    void emptyOutputOrImmediateEndOfSequenceAlwaysFails() {
        assertEquals(ExpectCheck.NO_TEXT, ExpectCheck.judge(null, "", false).reason());
        assertEquals(Verdict.OUTPUT_MISMATCH, ExpectCheck.judge(null, "text", true).verdict());
        assertEquals(Verdict.PASSED, ExpectCheck.judge(null, "text", false).verdict());
    }
}
