package org.slmhub.smoke;

import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.slmhub.catalog.ModelManifest;

/**
 * Judges a completed generation: always non-empty and not an immediate end-of-sequence, and
 * when the manifest records an expectation, the exact text, a substring or a regex.
 */
public final class ExpectCheck {
    public static final String NO_TEXT = "the model produced no text (end of sequence at once)";
    /** A contributor's regex runs on this machine: one that backtracks without end is stopped here. */
    public static final long REGEX_BUDGET_MILLIS = 1_000;
    public static final String REGEX_TOO_SLOW = "smoke.expect.regex took over " + REGEX_BUDGET_MILLIS
            + " ms on the output (catastrophic backtracking): write it without nested repetition such as (a+)+";

    private ExpectCheck() {
    }

    public record Judgement(Verdict verdict, String reason) {
    }

    public static Judgement judge(ModelManifest.Expect expect, String text, boolean immediateEos) {
        if (immediateEos || text.isEmpty()) {
            return new Judgement(Verdict.OUTPUT_MISMATCH, NO_TEXT);
        }
        if (expect == null) {
            return new Judgement(Verdict.PASSED, "");
        }
        if (expect.exact() != null && !expect.exact().equals(text)) {
            return new Judgement(Verdict.OUTPUT_MISMATCH, "expected exactly " + quote(expect.exact()) + ", got " + quote(text)
                    + " (first difference at character " + firstDifference(expect.exact(), text) + ")");
        }
        if (expect.contains() != null && !text.contains(expect.contains())) {
            return new Judgement(Verdict.OUTPUT_MISMATCH, "expected the output to contain " + quote(expect.contains()) + ", got " + quote(text));
        }
        if (expect.regex() != null) {
            try {
                if (!Pattern.compile(expect.regex()).matcher(DeadlineText.within(text, REGEX_BUDGET_MILLIS)).find()) {
                    return new Judgement(Verdict.OUTPUT_MISMATCH, "expected the output to match /" + expect.regex() + "/, got " + quote(text));
                }
            } catch (PatternSyntaxException e) {
                return new Judgement(Verdict.OUTPUT_MISMATCH, "smoke.expect.regex does not compile: " + e.getDescription());
            } catch (DeadlineText.Expired e) {
                return new Judgement(Verdict.OUTPUT_MISMATCH, REGEX_TOO_SLOW);
            }
        }
        return new Judgement(Verdict.PASSED, "");
    }

    /** The chat turn must answer something and end by itself, which proves the template and stop tokens work. */
    public static Judgement judgeChat(ChatAnswer chat) {
        if (chat.text().isBlank()) {
            return new Judgement(Verdict.OUTPUT_MISMATCH, "the chat turn produced no answer");
        }
        if (!chat.stoppedByItself()) {
            return new Judgement(Verdict.OUTPUT_MISMATCH, "the chat answer did not stop by itself within " + chat.tokenCount()
                    + " tokens: the chat template or its end-of-turn token may be wrong");
        }
        return new Judgement(Verdict.PASSED, "");
    }

    static int firstDifference(String a, String b) {
        int n = Math.min(a.length(), b.length());
        for (int i = 0; i < n; i++) {
            if (a.charAt(i) != b.charAt(i)) {
                return i;
            }
        }
        return n;
    }

    private static String quote(String s) {
        String shown = s.length() > 120 ? s.substring(0, 117) + "..." : s;
        return "\"" + shown.replace("\n", "\\n") + "\"";
    }
}
