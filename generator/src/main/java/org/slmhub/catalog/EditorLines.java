package org.slmhub.catalog;

import java.util.ArrayList;
import java.util.List;
import org.yaml.snakeyaml.error.Mark;

/**
 * Turns SnakeYAML's marks into the line and column an editor shows. SnakeYAML follows YAML 1.1,
 * which also breaks lines at NEL (U+0085), LS (U+2028) and PS (U+2029); editors, terminals and
 * slmhub's own excerpts break only at \n, \r\n and \r, so after such a character every mark
 * would name a later line than the one people see. (Found by ManifestFuzzTest.)
 */
final class EditorLines {
    /** One YAML-only line break: its code point index, and its own editor line and column (0-based). */
    private record YamlOnlyBreak(int index, int line, int column) {
    }

    private final List<YamlOnlyBreak> breaks;
    /**
     * The code point index of the end of a text whose last character is \r, else -1: SnakeYAML
     * reads that \r as part of the last line, editors start a new line after it.
     */
    private final int endAfterFinalReturn;

    EditorLines(String text) {
        breaks = hasYamlOnlyBreak(text) ? scan(text) : List.of();
        endAfterFinalReturn = text.endsWith("\r") ? text.codePointCount(0, text.length()) : -1;
    }

    SourcePosition of(Mark mark) {
        SourcePosition at = withoutYamlOnlyBreaks(mark);
        return mark.getIndex() == endAfterFinalReturn ? new SourcePosition(at.line() + 1, 1) : at;
    }

    private SourcePosition withoutYamlOnlyBreaks(Mark mark) {
        int before = countBefore(mark.getIndex());
        if (before == 0) {
            return new SourcePosition(mark.getLine() + 1, mark.getColumn() + 1);
        }
        YamlOnlyBreak last = breaks.get(before - 1);
        int line = mark.getLine() - before;
        // on the line of that break, SnakeYAML counted columns from just after it
        int column = line == last.line() ? last.column() + 1 + mark.getColumn() : mark.getColumn();
        return new SourcePosition(line + 1, column + 1);
    }

    private static boolean hasYamlOnlyBreak(String text) {
        return text.indexOf('\u0085') >= 0 || text.indexOf('\u2028') >= 0 || text.indexOf('\u2029') >= 0;
    }

    /** Walks the text as SnakeYAML's reader does: code points, and no column for a byte order mark. */
    private static List<YamlOnlyBreak> scan(String text) {
        List<YamlOnlyBreak> found = new ArrayList<>();
        int index = 0;
        int line = 0;
        int column = 0;
        for (int i = 0; i < text.length(); index++) {
            int c = text.codePointAt(i);
            i += Character.charCount(c);
            if (c == '\n' || (c == '\r' && (i >= text.length() || text.charAt(i) != '\n'))) {
                line++;
                column = 0;
            } else if (c == '\u0085' || c == '\u2028' || c == '\u2029') {
                found.add(new YamlOnlyBreak(index, line, column));
                column++;
            } else if (c != '\uFEFF') {
                column++;
            }
        }
        return List.copyOf(found);
    }

    /** How many YAML-only breaks come before the code point at {@code index}. */
    private int countBefore(int index) {
        int low = 0;
        int high = breaks.size();
        while (low < high) {
            int mid = (low + high) >>> 1;
            if (breaks.get(mid).index() < index) {
                low = mid + 1;
            } else {
                high = mid;
            }
        }
        return low;
    }
}
