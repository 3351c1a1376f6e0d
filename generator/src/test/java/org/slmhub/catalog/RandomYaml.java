package org.slmhub.catalog;

import java.util.List;
import java.util.Random;

/**
 * Random YAML documents shaped like manifests but full of YAML's corners (scalars that look like
 * numbers, indicators, comments, quotes, literal blocks with odd blank lines, indentless and
 * nested sequences, empty values), and mutations that break them: for comparing readers.
 */
final class RandomYaml {
    private static final List<String> KEYS = List.of("id", "name", "a", "b.c", "x-y", "_k", "ключ", "yes", "card", "tags",
            "artifacts", "size", "n", "K", "on", "null", "e", "f", "g", "h", "i", "j", "k", "l", "m");
    private static final List<String> ODD_KEYS = List.of("1", "a b", "\"q\"", "-k", "? k", "k#", "a:b");
    /** Scalars as manifests hold them, and some that only look like other types. */
    private static final List<String> PLAIN = List.of("word", "two words", "12", "0.5", "1e3", "1_000", "~", "null", "yes", "No",
            "true", "2001-12-14", "https://h/p?q=1#f", "a#b", "C#", "x, y", "it's", "say \"hi\"", "é ü 中文", "a  b", "tail  ",
            "Q4_K_M", "Apache-2.0", "text-generation", "(0.49B) [z] {w}", "a:b", "\u00A0x", "x\u3000", "0755", ".5", "-.inf");
    /** YAML's corners: indicators, odd numbers, separators inside. */
    private static final List<String> HAZARDOUS = List.of("0x1F", "-3", "+4", "Null", "on", "FALSE", "12:30", "1:20:30",
            ".inf", ".NaN", "a: b", "a #b", "[a]", "{b}", "- x", "? x", ": x", "&a x", "*a", "!t x", "%x", "@x", "`x`", "|", ">",
            "<<", "=", "a:", "12345678901234567890123", "1.7976931348623157e309", "0o17", "0b101", "190:20:30");
    /** Words for flow sequences: [en, fr]. */
    private static final List<String> WORDS = List.of("en", "fr", "0.5", "-0.1", "x y", "Q4_K_M", "é", "null", "yes", "12", "a.b", "w/x");
    private static final String HAZARDS = " :#-'\"[]|>\n{},&*!%?\t~";

    private RandomYaml() {
    }

    static String document(Random random) {
        StringBuilder out = new StringBuilder();
        if (random.nextInt(4) == 0) {
            out.append("# header\n\n");
        }
        mapping(out, random, 0, 0);
        String text = out.toString();
        return random.nextInt(5) == 0 && text.endsWith("\n") ? text.substring(0, text.length() - 1) : text;
    }

    /** One to three edits: a character deleted or inserted, a line's indentation changed, a line repeated. */
    static String mutate(String yaml, Random random) {
        StringBuilder text = new StringBuilder(yaml);
        for (int edits = 1 + random.nextInt(3); edits > 0 && !text.isEmpty(); edits--) {
            int at = random.nextInt(text.length());
            switch (random.nextInt(4)) {
                case 0 -> text.deleteCharAt(at);
                case 1 -> text.insert(at, HAZARDS.charAt(random.nextInt(HAZARDS.length())));
                case 2 -> {
                    int start = text.lastIndexOf("\n", at - 1) + 1;
                    if (random.nextBoolean()) {
                        text.insert(start, random.nextBoolean() ? " " : "  ");
                    } else if (start < text.length() && text.charAt(start) == ' ') {
                        text.deleteCharAt(start);
                    }
                }
                default -> {
                    int start = text.lastIndexOf("\n", at - 1) + 1;
                    int end = text.indexOf("\n", at);
                    String line = text.substring(start, end < 0 ? text.length() : end);
                    text.insert(start, line + "\n");
                }
            }
        }
        return text.toString();
    }

    private static void mapping(StringBuilder out, Random random, int indent, int depth) {
        int keys = 1 + random.nextInt(depth == 0 ? 7 : 4);
        java.util.Set<String> used = new java.util.HashSet<>();
        for (int i = 0; i < keys; i++) {
            gap(out, random, indent);
            String key = key(random);
            while (!used.add(key) && random.nextInt(30) != 0) {
                key = key(random);
            }
            out.append(" ".repeat(indent)).append(key).append(':');
            value(out, random, indent, depth);
        }
    }

    private static void value(StringBuilder out, Random random, int indent, int depth) {
        int kind = random.nextInt(depth >= 3 ? 6 : 9);
        if (kind == 5 && random.nextInt(16) != 0) {
            kind = 0; // empty values are rare in manifests
        }
        switch (kind) {
            case 0, 1 -> out.append(' ').append(plainish(random)).append(comment(random)).append('\n');
            case 2 -> out.append(' ').append(quoted(random)).append(comment(random)).append('\n');
            case 3 -> out.append(' ').append(flow(random)).append(comment(random)).append('\n');
            case 4 -> literal(out, random, indent);
            case 5 -> out.append(random.nextInt(3) == 0 ? "" : " ").append(random.nextBoolean() ? "" : "# c").append('\n');
            case 6 -> {
                out.append(comment(random)).append('\n');
                mapping(out, random, indent + 1 + random.nextInt(3), depth + 1);
            }
            default -> {
                out.append(comment(random)).append('\n');
                sequence(out, random, random.nextInt(10) == 0 ? indent : indent + 1 + random.nextInt(3), depth + 1);
            }
        }
    }

    private static void sequence(StringBuilder out, Random random, int indent, int depth) {
        int items = 1 + random.nextInt(4);
        for (int i = 0; i < items; i++) {
            gap(out, random, indent);
            out.append(" ".repeat(indent)).append('-').append(" ".repeat(1 + (random.nextInt(6) == 0 ? 2 : 0)));
            int kind = random.nextInt(depth >= 3 ? 3 : 5);
            if (kind < 2) {
                out.append(random.nextBoolean() ? plainish(random) : quoted(random)).append(comment(random)).append('\n');
            } else if (kind == 2) {
                out.append(flow(random)).append('\n');
            } else {
                // a mapping that starts on the dash's line; its keys stand in the first key's column
                int column = out.length() - out.lastIndexOf("\n") - 1;
                out.append(key(random)).append(": ").append(plainish(random)).append('\n');
                if (random.nextBoolean()) {
                    out.append(" ".repeat(column)).append(key(random)).append(':');
                    value(out, random, column, depth + 1);
                }
            }
        }
    }

    private static void literal(StringBuilder out, Random random, int indent) {
        out.append(' ').append(pick(random, random.nextInt(5) == 0 ? List.of("|+", ">", "|2", "|1-", ">-") : List.of("|", "|", "|-", "| # h", "|-  "))).append('\n');
        int inner = indent + (random.nextInt(20) == 0 ? 0 : 1 + random.nextInt(3));
        if (random.nextInt(15) == 0) {
            out.append(" ".repeat(random.nextInt(inner + 3))).append('\n');
        }
        int lines = 1 + random.nextInt(5);
        for (int i = 0; i < lines; i++) {
            switch (random.nextInt(6)) {
                case 0 -> out.append(" ".repeat(random.nextInt(inner + 4))).append('\n');
                case 1 -> out.append(" ".repeat(inner + 1 + random.nextInt(3))).append("more ").append(pick(random, PLAIN)).append('\n');
                case 2 -> out.append(" ".repeat(inner)).append("# not a comment").append('\n');
                default -> out.append(" ".repeat(inner)).append(pick(random, PLAIN)).append(" text").append('\n');
            }
        }
    }

    private static void gap(StringBuilder out, Random random, int indent) {
        switch (random.nextInt(10)) {
            case 0 -> out.append('\n');
            case 1 -> out.append(" ".repeat(random.nextInt(indent + 3))).append("# comment\n");
            case 2 -> out.append(" ".repeat(1 + random.nextInt(4))).append('\n');
            default -> {
            }
        }
    }

    private static String plainish(Random random) {
        return pick(random, random.nextInt(12) == 0 ? HAZARDOUS : PLAIN);
    }

    private static String key(Random random) {
        return pick(random, random.nextInt(40) == 0 ? ODD_KEYS : KEYS);
    }

    private static String quoted(Random random) {
        return switch (random.nextInt(5)) {
            case 0 -> "'" + pick(random, PLAIN).replace("'", "''") + "'";
            case 1 -> "'it''s'";
            case 2 -> "\"" + pick(random, PLAIN).replace("\"", "") + "\"";
            case 3 -> pick(random, random.nextBoolean() ? List.of("\"a\\tb\"", "\"\\\\S\"", "\"q\\\"q\"", "\"\\n\"") : List.of("\"a\\tb\"", "\"\\\\S\"", "\"q\\\"q\"", "\"\\/\\n\"", "\"\\x41\"", "\"\\u00e9\"", "\"a\\", "\"\\ \""));
            default -> "\"\"";
        };
    }

    private static String flow(Random random) {
        int items = random.nextInt(4);
        StringBuilder out = new StringBuilder("[");
        for (int i = 0; i < items; i++) {
            String item = random.nextInt(12) == 0 ? quoted(random) : random.nextInt(12) == 0 ? plainish(random) : pick(random, WORDS);
            out.append(i == 0 ? "" : random.nextBoolean() ? ", " : ",").append(item);
        }
        return out.append(random.nextInt(30) == 0 ? ", ]" : "]").toString();
    }

    private static String comment(Random random) {
        return switch (random.nextInt(8)) {
            case 0 -> " # note";
            case 1 -> random.nextInt(5) == 0 ? "#tight" : " #";
            case 2 -> "  ";
            default -> "";
        };
    }

    private static String pick(Random random, List<String> from) {
        return from.get(random.nextInt(from.size()));
    }
}
