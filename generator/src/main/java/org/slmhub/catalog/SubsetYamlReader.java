package org.slmhub.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.HashMap;
import java.util.Map;
import org.yaml.snakeyaml.nodes.NodeId;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * Reads the YAML that manifests are written in, in a fraction of the time of SnakeYAML's scanner
 * and composer (which were two thirds of validating a large catalog): block mappings and indented block
 * sequences, one-line plain, quoted and flow-sequence scalars, {@code |} and {@code |-} literal
 * blocks, and comments. It gives the tree and positions SnakeYAML's path gives, node for node,
 * or null for anything else (other YAML, errors, limits), which the caller then reads with
 * SnakeYAML: so messages about broken files stay SnakeYAML's, and only plain files take this road.
 * {@code SubsetYamlReaderTest} holds it to that on the catalog and on random and mutated documents.
 */
final class SubsetYamlReader {
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    /** YAML's indicators: no plain scalar read here starts with one, save a minus before a number. */
    private static final String INDICATORS = "-?:,[]{}#&*!|>'\"%@`";
    /** The double-quote escapes read here, and what each stands for; SnakeYAML reads the others. */
    private static final String ESCAPED = "\\\"nt";
    private static final String UNESCAPED = "\\\"\n\t";
    /** SnakeYAML gives up on a key whose colon is more than 1,024 characters from its start. */
    private static final int MAX_KEY_LENGTH = 1000;

    /** Not in the subset: the caller reads the text with SnakeYAML. Thrown often, so without a trace. */
    private static final class NotSubset extends Exception {
        static final NotSubset INSTANCE = new NotSubset();

        private NotSubset() {
            super(null, null, false, false);
        }
    }

    private final char[] s;
    private final Resolver resolver;
    private final Map<String, SourcePosition> values = new HashMap<>();
    private final Map<String, SourcePosition> keys = new HashMap<>();
    /** The current line: its start, end (its line break or the text's end), leading spaces and 1-based number. */
    private int lineStart;
    private int lineEnd;
    private int indent;
    private int line = 1;
    private final int end;
    private int nodes;
    private int depth;

    private SubsetYamlReader(char[] text, int length, Resolver resolver) {
        this.s = text;
        this.end = length;
        startLine(0);
        this.resolver = resolver;
    }

    /** The located tree of {@code text}, or null when it is not in the subset (see the class comment). */
    static LocatedYaml read(String text, Resolver resolver) {
        for (int i = 0; i < text.length(); i++) {
            if (!plainCharacter(text.charAt(i))) {
                return null;
            }
        }
        return readPlain(text.toCharArray(), text.length(), resolver);
    }

    /** As {@link #read}, for the first {@code length} characters of a text known to hold only {@link #plainCharacter}s. */
    static LocatedYaml readPlain(char[] text, int length, Resolver resolver) {
        SubsetYamlReader reader = new SubsetYamlReader(text, length, resolver);
        try {
            return reader.document();
        } catch (NotSubset | YamlSyntaxException e) {
            return null; // SnakeYAML reads it, and reports what is wrong where it finds it
        }
    }

    /**
     * Whether SnakeYAML counts {@code c} as one column of a line, or {@code \n} as the line's end,
     * as this reader does: tabs, carriage returns, YAML 1.1's extra line breaks, a byte order mark
     * and astral characters (surrogates) are left to SnakeYAML (control characters never get here).
     */
    static boolean plainCharacter(char c) {
        return c < 0x20 ? c == '\n' : c < 0x7F || !(c == 0x85 || c == 0x2028 || c == 0x2029 || c >= 0xD800 && c <= 0xDFFF || c == 0xFEFF);
    }

    private LocatedYaml document() throws NotSubset, YamlSyntaxException {
        if (!nextContentLine() || indent != 0) {
            throw NotSubset.INSTANCE;
        }
        JsonNode tree = mapping(lineStart, "");
        if (nextContentLine()) {
            throw NotSubset.INSTANCE;
        }
        return new LocatedYaml(tree, values, keys);
    }

    /**
     * A block mapping whose first key starts at {@code at} on the current line; its keys stand in
     * that column. Ends before the first line indented less; a line indented more is not read here.
     */
    private ObjectNode mapping(int at, String pointer) throws NotSubset, YamlSyntaxException {
        int column = at - lineStart;
        values.put(pointer, position(at));
        enter();
        ObjectNode object = JSON.objectNode();
        while (true) {
            int colon = keyEnd(at);
            if (colon < 0) {
                throw NotSubset.INSTANCE;
            }
            String name = new String(s, at, colon - at);
            if (object.has(name)) {
                throw NotSubset.INSTANCE; // SnakeYAML reports the duplicate
            }
            String child = pointer + "/" + LocatedYaml.segment(name);
            keys.put(child, position(at));
            count();
            object.set(name, value(colon + 1, column, child));
            if (!nextContentLine() || indent < column) {
                depth--;
                return object;
            }
            if (indent > column) {
                throw NotSubset.INSTANCE;
            }
            at = lineStart + column;
        }
    }

    /** The value after a key's colon at {@code from}: on the same line, or a block on the next ones. */
    private JsonNode value(int from, int column, String pointer) throws NotSubset, YamlSyntaxException {
        int at = skipSpaces(from);
        if (at == lineEnd || s[at] == '#') {
            nextLine();
            if (!nextContentLine() || indent <= column) {
                throw NotSubset.INSTANCE; // an empty value, or a sequence in the key's own column
            }
            int first = lineStart + indent;
            return sequenceItemStart(first) ? sequence(first, pointer) : mapping(first, pointer);
        }
        if (s[at] == '|') {
            return literal(at, column + 1, pointer);
        }
        return inline(at, pointer);
    }

    /** A block sequence whose first dash is at {@code at}; its dashes stand in that column. */
    private ArrayNode sequence(int at, String pointer) throws NotSubset, YamlSyntaxException {
        int column = at - lineStart;
        values.put(pointer, position(at));
        enter();
        ArrayNode array = JSON.arrayNode();
        while (true) {
            String item = pointer + "/" + array.size();
            int start = skipSpaces(at + 1);
            if (start == lineEnd || s[start] == '#' || s[start] == '|' || sequenceItemStart(start)) {
                throw NotSubset.INSTANCE;
            }
            array.add(keyEnd(start) >= 0 ? mapping(start, item) : inline(start, item));
            if (!nextContentLine() || indent < column) {
                depth--;
                return array;
            }
            at = lineStart + column;
            if (indent > column || !sequenceItemStart(at)) {
                throw NotSubset.INSTANCE;
            }
        }
    }

    /** A scalar or flow sequence that starts at {@code at} and ends on its line (a comment may follow). */
    private JsonNode inline(int at, String pointer) throws NotSubset, YamlSyntaxException {
        char c = s[at];
        SourcePosition where = position(at);
        values.put(pointer, where);
        if (c == '[') {
            return flowSequence(at, pointer);
        }
        count();
        if (c == '\'' || c == '"') {
            int[] close = new int[1];
            String text = c == '"' ? doubleQuoted(at, close) : singleQuoted(at, close);
            finishLine(close[0] + 1);
            return LocatedYamlParser.scalar(Tag.STR, text, where);
        }
        if (!plainStart(at)) {
            throw NotSubset.INSTANCE;
        }
        int stop = trimSpaces(at, plainEnd(at));
        JsonNode scalar = plain(new String(s, at, stop - at), where);
        finishLine(stop);
        return scalar;
    }

    /** A one-line flow sequence of plain words: {@code [en, fr]}. */
    private ArrayNode flowSequence(int at, String pointer) throws NotSubset, YamlSyntaxException {
        enter();
        count();
        ArrayNode array = JSON.arrayNode();
        int i = skipSpaces(at + 1);
        if (i < lineEnd && s[i] == ']') {
            finishLine(i + 1);
            depth--;
            return array;
        }
        while (true) {
            if (i >= lineEnd || !plainStart(i)) {
                throw NotSubset.INSTANCE;
            }
            int stop = i;
            while (stop < lineEnd && ",]:#[{}?'\"".indexOf(s[stop]) < 0) {
                stop++;
            }
            if (stop == lineEnd || s[stop] != ',' && s[stop] != ']') {
                throw NotSubset.INSTANCE;
            }
            SourcePosition where = position(i);
            values.put(pointer + "/" + array.size(), where);
            count();
            array.add(plain(new String(s, i, trimSpaces(i, stop) - i), where));
            if (s[stop] == ']') {
                finishLine(stop + 1);
                depth--;
                return array;
            }
            i = skipSpaces(stop + 1);
        }
    }

    /**
     * A {@code |} or {@code |-} block whose indicator is at {@code at}: its lines keep their text
     * past the first line's indentation, which must be at least {@code minIndent} (YAML's rule).
     * Blank lines inside are line breaks; at the end, {@code |} keeps one line break, {@code |-} none.
     */
    private JsonNode literal(int at, int minIndent, String pointer) throws NotSubset, YamlSyntaxException {
        SourcePosition where = position(at);
        values.put(pointer, where);
        count();
        int header = at + 1;
        boolean strip = header < end && s[header] == '-';
        if (strip) {
            header++;
        }
        if (header < lineEnd && s[header] != ' ') {
            throw NotSubset.INSTANCE; // keep (+), an indentation digit, or anything else
        }
        finishLine(header);
        if (lineStart >= end || blankLine() || indent < Math.max(minIndent, 1)) {
            throw NotSubset.INSTANCE; // blank lines first, or an empty block
        }
        int block = indent;
        StringBuilder text = new StringBuilder();
        int breaks = 0;
        boolean lineBreak = false;
        while (lineStart < end) {
            if (blankLine() && indent <= block) {
                breaks++;
            } else if (indent < block) {
                break; // the line after the block
            } else {
                if (lineBreak) {
                    text.append('\n');
                }
                text.append("\n".repeat(breaks)).append(s, lineStart + block, lineEnd - lineStart - block);
                breaks = 0;
                lineBreak = lineEnd < end;
            }
            nextLine();
        }
        if (lineBreak && !strip) {
            text.append('\n');
        }
        return LocatedYamlParser.scalar(Tag.STR, text.toString(), where);
    }

    /** Whether the current line holds nothing but spaces. */
    private boolean blankLine() {
        return lineStart + indent == lineEnd;
    }

    private JsonNode plain(String text, SourcePosition where) throws YamlSyntaxException {
        return LocatedYamlParser.scalar(resolver.resolve(NodeId.scalar, text, true), text, where);
    }

    /** Whether a plain scalar starts at {@code at}: not at an indicator, except a minus sign before a number. */
    private boolean plainStart(int at) {
        char c = s[at];
        if (c == '-' && at + 1 < end) {
            char next = s[at + 1];
            return next >= '0' && next <= '9' || next == '.';
        }
        return INDICATORS.indexOf(c) < 0;
    }

    /** Where a plain scalar starting at {@code at} ends: before {@code ": "}, {@code " #"} or the line's end. */
    private int plainEnd(int at) {
        for (int i = at; i < lineEnd; i++) {
            char c = s[i];
            if (c == ':' && (i + 1 == lineEnd || s[i + 1] == ' ')) {
                return i;
            }
            if (c == '#' && s[i - 1] == ' ') {
                return i;
            }
        }
        return lineEnd;
    }

    /**
     * A double-quoted scalar on one line, from its opening quote at {@code at}: its text, with the
     * escapes manifests use ({@code \\ \" \n \t}), and the index of its closing quote in {@code close[0]}.
     */
    private String doubleQuoted(int at, int[] close) throws NotSubset {
        StringBuilder text = null;
        int from = at + 1;
        for (int i = from; i < lineEnd; i++) {
            char c = s[i];
            if (c == '"') {
                close[0] = i;
                return text == null ? new String(s, from, i - from) : text.append(s, from, i - from).toString();
            }
            if (c == '\\') {
                int e = i + 1 < lineEnd ? ESCAPED.indexOf(s[i + 1]) : -1;
                if (e < 0) {
                    throw NotSubset.INSTANCE;
                }
                text = (text == null ? new StringBuilder() : text).append(s, from, i - from).append(UNESCAPED.charAt(e));
                from = ++i + 1;
            }
        }
        throw NotSubset.INSTANCE;
    }

    /** A single-quoted scalar on one line ({@code ''} is a quote inside it), as {@link #doubleQuoted}. */
    private String singleQuoted(int at, int[] close) throws NotSubset {
        for (int i = at + 1; i < lineEnd; i++) {
            if (s[i] == '\'') {
                if (i + 1 < lineEnd && s[i + 1] == '\'') {
                    i++;
                } else {
                    close[0] = i;
                    return new String(s, at + 1, i - at - 1).replace("''", "'");
                }
            }
        }
        throw NotSubset.INSTANCE;
    }

    /** After a value: spaces, then the line's end or a comment that a space sets apart; moves to the next line. */
    private void finishLine(int from) throws NotSubset {
        int i = skipSpaces(from);
        if (i != lineEnd && !(s[i] == '#' && i > from)) {
            throw NotSubset.INSTANCE;
        }
        nextLine();
    }

    /** The end of {@code [from, to)} without its trailing spaces (YAML's spaces only, not Unicode's). */
    private int trimSpaces(int from, int to) {
        while (to > from && s[to - 1] == ' ') {
            to--;
        }
        return to;
    }

    /**
     * The colon after a simple key (letters, digits, {@code _ . -}, starting with a letter or
     * {@code _}) at {@code at}, followed by a space or the line's end; -1 when there is none.
     */
    private int keyEnd(int at) {
        if (at >= lineEnd || !(Character.isLetter(s[at]) || s[at] == '_')) {
            return -1;
        }
        int i = at + 1;
        while (i < lineEnd && (Character.isLetterOrDigit(s[i]) || "_.-".indexOf(s[i]) >= 0)) {
            i++;
        }
        boolean simple = i - at <= MAX_KEY_LENGTH; // SnakeYAML looks no further back for a key's colon
        return simple && i < lineEnd && s[i] == ':' && (i + 1 == lineEnd || s[i + 1] == ' ') ? i : -1;
    }

    private boolean sequenceItemStart(int at) {
        return s[at] == '-' && (at + 1 == lineEnd || s[at + 1] == ' ');
    }

    /** Moves to the next line that holds more than spaces and a comment; false at the end of the text. */
    private boolean nextContentLine() {
        while (lineStart < end) {
            int first = lineStart + indent;
            if (first < lineEnd && s[first] != '#') {
                return true;
            }
            nextLine();
        }
        return false;
    }

    private void nextLine() {
        startLine(lineEnd < end ? lineEnd + 1 : end);
        line++;
    }

    /** Makes the line at {@code start} current, with where it ends and the spaces that start it. */
    private void startLine(int start) {
        lineStart = start;
        int i = start;
        while (i < end && s[i] == ' ') {
            i++;
        }
        indent = i - start;
        while (i < end && s[i] != '\n') {
            i++;
        }
        lineEnd = i;
    }

    private int skipSpaces(int i) {
        while (i < end && s[i] == ' ') {
            i++;
        }
        return i;
    }

    private SourcePosition position(int at) {
        return new SourcePosition(line, at - lineStart + 1);
    }

    /** ManifestEvents' limits are SnakeYAML's to report. */
    private void count() throws NotSubset {
        if (++nodes >= ManifestEvents.MAX_NODES) {
            throw NotSubset.INSTANCE;
        }
    }

    private void enter() throws NotSubset {
        count();
        if (++depth >= ManifestEvents.MAX_DEPTH) {
            throw NotSubset.INSTANCE;
        }
    }
}
