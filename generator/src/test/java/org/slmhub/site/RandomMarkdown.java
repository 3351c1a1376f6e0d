package org.slmhub.site;

import java.util.Random;

/**
 * Random card Markdown for comparing the card fast path with the sanitizer: nested blocks (quotes,
 * lists, tables, code) around inlines that mix links of every kind with the characters the sanitizer
 * encodes, drops or treats specially. Half the cards draw only from the first, plain part of each
 * list (no raw HTML, images, controls or unsafe links), so that many take the fast path.
 */
final class RandomMarkdown {
    private static final String[] TEXT = {"word", "two words", " ", " ", "\n", "&", "<", ">", "\"", "'", "@", "=", "+", "`", "{", "}",
        "{{", "}}", "(", ")", "[", "]", "*", "_", "#", "|", "\\", "!", "~", ":", "&amp;", "&#x27;", "&lt;", "&#123;", "&copy;", "&nbsp;",
        "&#0;", "&bogus;", "&#x1F600;", "é", "日本", "\uD83E\uDD17", "\uD835\uDD38", "\u2028", "\u00a0", "\u0085", "\u007f", "ह",
        "\uFEFF", "\uFFFD", "\uFE60", "\uFF1C", "\u1FEF", "\u0589", "  \n", "\\\n", "x@example.org", "javascript:alert(1)",
        // not plain
        "\u200C", "\u0915\u094D\u0937\u200C\u093F", "\uD800", "\r", "\u0001", "\u0000", "<b>", "</b>", "<!-- c -->", "<img src=x onerror=y>"};
    private static final int PLAIN_TEXT = TEXT.length - 10;
    private static final String[] URLS = {"https://example.org/a_(b)", "http://x.example/?q=1&r=2", "mailto:a@example.org", "/rel/path",
        "#frag", "?a=b", "a.html#x:y", "HTTPS://X", "https://example.org/{x}", "https://example.org/'q'+1", "https://example.org/x \"a title\"",
        // not plain
        "javascript:alert(1)", "JaVaScRiPt:x", "//evil.example", "<a b>", "", "data:text/html,x", "http://bücher.example", "\\\\evil", "x:y",
        "&#106;avascript:x", "https://example.org/`x`"};
    private static final int PLAIN_URLS = URLS.length - 11;
    private static final String[] INFO = {"", "java", "c++", "c#", "objective-c", "python extra words", "lang{x}", "é", "a".repeat(41), "a b"};
    private static final int PLAIN_INFO = 6;

    private final Random r;
    private final boolean plain;

    private RandomMarkdown(Random r) {
        this.r = r;
        this.plain = r.nextBoolean();
    }

    static String card(Random r) {
        return new RandomMarkdown(r).blocks(0);
    }

    private String pick(String[] all, int plainCount) {
        return all[r.nextInt(plain ? plainCount : all.length)];
    }

    private String blocks(int depth) {
        StringBuilder md = new StringBuilder();
        for (int b = 1 + r.nextInt(depth == 0 ? 4 : 2); b > 0; b--) {
            switch (r.nextInt(depth > 2 ? 3 : 11)) {
                case 0, 1 -> md.append(inline(0)).append("\n\n");
                case 2 -> md.append("#".repeat(1 + r.nextInt(6))).append(' ').append(inline(0)).append("\n\n");
                case 3 -> md.append(prefixed(blocks(depth + 1), "> ".repeat(1 + r.nextInt(3)), "> "));
                case 4 -> md.append(prefixed(blocks(depth + 1), "- ", "  ")).append(prefixed(blocks(depth + 1), "- ", "  "));
                case 5 -> md.append(prefixed(blocks(depth + 1), r.nextInt(12) + ". ", "    "));
                case 6 -> md.append("```").append(pick(INFO, PLAIN_INFO)).append('\n').append(inline(0)).append("\n```\n\n");
                case 7 -> md.append("| ").append(inline(2)).append(" | b |\n|:--|").append(r.nextBoolean() ? ":-:" : "--:")
                        .append("|\n| ").append(inline(2)).append(" | ").append(inline(2)).append(" |\n\n");
                case 8 -> md.append("    ").append(inline(2)).append("\n\n");
                case 9 -> md.append(r.nextBoolean() ? "---\n\n" : "[ref]: " + pick(URLS, PLAIN_URLS) + "\n\n");
                default -> md.append(inline(0)).append(r.nextBoolean() ? "\n===\n\n" : "\n");
            }
        }
        return md.toString();
    }

    private String inline(int depth) {
        StringBuilder md = new StringBuilder();
        for (int i = 1 + r.nextInt(depth == 0 ? 10 : 2); i > 0; i--) {
            switch (r.nextInt(depth > 2 ? 1 : plain ? 12 : 13)) {
                case 1 -> md.append('*').append(inline(depth + 1)).append('*');
                case 2 -> md.append("**").append(inline(depth + 1)).append("**");
                case 3 -> md.append('`').append(inline(depth + 1).replace("`", "")).append('`');
                case 4, 5 -> md.append('[').append(inline(depth + 1)).append("](").append(pick(URLS, PLAIN_URLS)).append(')');
                case 6 -> md.append('<').append(URLS[r.nextInt(4)]).append('>');
                case 7 -> md.append("[").append(inline(depth + 1)).append("][ref]");
                case 12 -> md.append("![").append(inline(depth + 1)).append("](").append(pick(URLS, PLAIN_URLS)).append(')');
                default -> md.append(pick(TEXT, PLAIN_TEXT));
            }
        }
        return md.toString();
    }

    /** Blocks as a quote or list item: the first line after {@code first}, the rest after {@code rest}. */
    private static String prefixed(String blocks, String first, String rest) {
        return first + blocks.replace("\n", "\n" + rest) + "\n";
    }
}
