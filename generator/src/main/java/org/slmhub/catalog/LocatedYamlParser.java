package org.slmhub.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.StringReader;
import java.math.BigInteger;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.composer.Composer;
import org.yaml.snakeyaml.parser.ParserImpl;
import org.yaml.snakeyaml.reader.StreamReader;
import org.yaml.snakeyaml.resolver.Resolver;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Parses YAML into a JSON tree while keeping each node's line and column, so that schema and
 * catalog findings can point at the exact spot. SnakeYAML's composer gives marks per node;
 * Jackson's own YAML reader would lose them.
 */
public final class LocatedYamlParser {
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    /** Manifests are small; a limit stops a pathological file from exhausting memory. */
    private static final int MAX_CODE_POINTS = 4 * 1024 * 1024;
    /**
     * Longer number literals are refused: no field needs one, parsing one takes time that grows
     * with the square of its length, and up to this length a number stays finite as a double.
     */
    static final int MAX_NUMBER_LENGTH = 100;
    /**
     * The YAML scanner's buffer makes a line cost time that grows with the square of its length
     * (a million characters: seconds); no manifest line needs to be longer than this.
     */
    static final int MAX_LINE_LENGTH = 16_384;
    /** Stateless after construction, so one serves every thread. */
    private static final Resolver RESOLVER = new PlainTextFirstResolver();

    public LocatedYaml parse(String text) throws YamlSyntaxException {
        return parse(text.toCharArray(), text.length());
    }

    /** Parses the first {@code length} characters of {@code text} (a decoded file's buffer, not copied). */
    LocatedYaml parse(char[] text, int length) throws YamlSyntaxException {
        boolean plain = checkCharacters(text, length);
        LocatedYaml common = plain && length < MAX_CODE_POINTS / 2 ? SubsetYamlReader.readPlain(text, length, RESOLVER) : null;
        if (common != null) {
            return common;
        }
        return snakeYaml(new String(text, 0, length));
    }

    /** SnakeYAML's reading alone, as {@link #parse} does it for what the subset reader does not read. */
    LocatedYaml parseWithSnakeYaml(String text) throws YamlSyntaxException {
        checkCharacters(text.toCharArray(), text.length());
        return snakeYaml(text);
    }

    private LocatedYaml snakeYaml(String text) throws YamlSyntaxException {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        options.setMaxAliasesForCollections(20);
        options.setCodePointLimit(MAX_CODE_POINTS);
        options.setNestingDepthLimit(30);
        EditorLines lines = new EditorLines(text);
        Node root;
        try {
            // The composer alone: building a whole Yaml facade per file costs more than parsing it.
            ParserImpl events = new ParserImpl(new StreamReader(new StringReader(text)), options);
            Composer composer = new Composer(new ManifestEvents(events), RESOLVER, options);
            if (!composer.checkNode()) {
                throw new YamlSyntaxException("the file is empty: a manifest is a YAML mapping", SourcePosition.START, false);
            }
            root = composer.getNode();
            if (composer.checkNode()) {
                Node second = composer.getNode();
                throw new YamlSyntaxException("a manifest holds one YAML document, found a second one",
                        position(lines, second == null ? null : second.getStartMark()), false);
            }
        } catch (MarkedYAMLException e) {
            throw new YamlSyntaxException(describe(e), position(lines, where(e)), false);
        } catch (YAMLException e) {
            throw new YamlSyntaxException(firstLine(e.getMessage()), SourcePosition.START, false);
        }
        if (!(root instanceof MappingNode)) {
            throw new YamlSyntaxException("a manifest must be a YAML mapping of fields (key: value)",
                    position(lines, root == null ? null : root.getStartMark()), false);
        }
        Map<String, SourcePosition> values = new HashMap<>();
        Map<String, SourcePosition> keys = new HashMap<>();
        JsonNode tree = convert(root, "", values, keys, lines);
        return new LocatedYaml(tree, values, keys);
    }

    private JsonNode convert(Node node, String pointer, Map<String, SourcePosition> values,
                             Map<String, SourcePosition> keys, EditorLines lines) throws YamlSyntaxException {
        values.put(pointer, position(lines, node.getStartMark()));
        if (node instanceof MappingNode mapping) {
            ObjectNode object = JSON.objectNode();
            for (NodeTuple tuple : mapping.getValue()) {
                Node keyNode = tuple.getKeyNode();
                if (!(keyNode instanceof ScalarNode key)) {
                    throw new YamlSyntaxException("mapping keys must be plain names", position(lines, keyNode.getStartMark()), false);
                }
                String name = key.getValue();
                if (object.has(name)) {
                    throw new YamlSyntaxException("duplicate key `" + shorten(name) + "`: each field may appear once",
                            position(lines, keyNode.getStartMark()), true);
                }
                String child = pointer + "/" + LocatedYaml.segment(name);
                keys.put(child, position(lines, keyNode.getStartMark()));
                object.set(name, convert(tuple.getValueNode(), child, values, keys, lines));
            }
            return object;
        }
        if (node instanceof SequenceNode sequence) {
            ArrayNode array = JSON.arrayNode();
            List<Node> items = sequence.getValue();
            for (int i = 0; i < items.size(); i++) {
                array.add(convert(items.get(i), pointer + "/" + i, values, keys, lines));
            }
            return array;
        }
        ScalarNode scalar = (ScalarNode) node;
        return scalar(scalar.getTag(), scalar.getValue(), position(lines, scalar.getStartMark()));
    }

    /** Maps YAML 1.1 implicit types (as SnakeYAML resolved them) onto JSON types. */
    static JsonNode scalar(Tag tag, String value, SourcePosition at) throws YamlSyntaxException {
        if (Tag.NULL.equals(tag)) {
            return JSON.nullNode();
        }
        if (Tag.BOOL.equals(tag)) {
            return JSON.booleanNode(value.equalsIgnoreCase("true") || value.equalsIgnoreCase("yes") || value.equalsIgnoreCase("on"));
        }
        if ((Tag.INT.equals(tag) || Tag.FLOAT.equals(tag)) && value.length() > MAX_NUMBER_LENGTH) {
            throw new YamlSyntaxException("a number of " + value.length() + " characters: manifests hold numbers of at most "
                    + MAX_NUMBER_LENGTH, at, false);
        }
        if (Tag.INT.equals(tag)) {
            String digits = value.replace("_", "");
            String unsigned = digits.startsWith("-") || digits.startsWith("+") ? digits.substring(1) : digits;
            if (unsigned.length() > 1 && unsigned.startsWith("0")) {
                return JSON.textNode(value); // YAML 1.1 reads 0755 as octal, other readers as decimal: let the schema reject it
            }
            try {
                BigInteger n = new BigInteger(digits);
                return n.bitLength() < 64 ? JSON.numberNode(n.longValue()) : JSON.numberNode(n);
            } catch (NumberFormatException e) {
                return JSON.textNode(value); // hex/octal/sexagesimal forms: let the schema reject them as text
            }
        }
        if (Tag.FLOAT.equals(tag)) {
            double d;
            try {
                d = Double.parseDouble(value.replace("_", ""));
            } catch (NumberFormatException e) {
                return JSON.textNode(value); // .inf and .nan
            }
            if (Double.isInfinite(d)) {
                throw new YamlSyntaxException("the number " + value + " is too large to be read", at, false);
            }
            return JSON.numberNode(d);
        }
        return JSON.textNode(value);
    }

    /**
     * Refuses, at its line and column, the first character YAML does not allow (control
     * characters such as NUL or ESC; the YAML reader itself would only say "special characters")
     * and the first line longer than {@link #MAX_LINE_LENGTH}. Lines end as in an editor (see {@link EditorLines}).
     * Returns whether every character is one the subset reader counts as SnakeYAML does.
     */
    private static boolean checkCharacters(char[] text, int length) throws YamlSyntaxException {
        int line = 1;
        int column = 0;
        boolean plain = true;
        for (int i = 0; i < length; i++) {
            char c = text[i];
            if (c >= 0x20 && c < 0x7F) {
                column++; // most characters: printable ASCII
            } else {
                plain &= SubsetYamlReader.plainCharacter(c);
                if (c == '\n' || c == '\r') {
                    if (!(c == '\r' && i + 1 < length && text[i + 1] == '\n')) {
                        line++;
                        column = 0;
                    }
                    continue;
                }
                if (Character.isLowSurrogate(c)) {
                    continue; // the second half of a character counted at its first
                }
                column++;
                if (!(c == '\t' || (c >= 0xA0 && c <= 0xD7FF) || (c >= 0xE000 && c <= 0xFFFD) || Character.isHighSurrogate(c))) {
                    throw new YamlSyntaxException(String.format("the control character U+%04X is not allowed in YAML text", (int) c),
                            new SourcePosition(line, column), false);
                }
            }
            if (column > MAX_LINE_LENGTH) {
                throw new YamlSyntaxException("this line goes on past " + MAX_LINE_LENGTH
                        + " characters, more than a manifest line may hold: break it over several lines", new SourcePosition(line, column), false);
            }
        }
        return plain;
    }

    /**
     * Where to point: where the parser noticed the problem, except when that is the end of the
     * file (an unclosed quote or bracket) or the line after a key without its colon; then where
     * the unfinished thing starts.
     */
    private static Mark where(MarkedYAMLException e) {
        String problem = e.getProblem() == null ? "" : e.getProblem();
        boolean atEnd = problem.contains("end of stream") || problem.contains("<stream end>");
        boolean keyWithoutColon = "while scanning a simple key".equals(e.getContext());
        return (atEnd || keyWithoutColon) && e.getContextMark() != null ? e.getContextMark() : e.getProblemMark();
    }

    /** A value as a message quotes it: long ones cut, so a hostile file cannot flood the output. */
    static String shorten(String text) {
        return text.length() > 60 ? text.substring(0, 57) + "..." : text;
    }

    /** As an editor counts lines (see {@link EditorLines}), not as YAML 1.1 does. */
    private static SourcePosition position(EditorLines lines, Mark mark) {
        return mark == null ? SourcePosition.START : lines.of(mark);
    }

    /** SnakeYAML's message without its echo of the source line, which we print ourselves. */
    private static String describe(MarkedYAMLException e) {
        String context = e.getContext();
        String problem = e.getProblem();
        if (problem == null) {
            return firstLine(e.getMessage());
        }
        return context == null ? problem : context + ": " + problem;
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unreadable YAML";
        }
        int nl = message.indexOf('\n');
        return nl < 0 ? message : message.substring(0, nl);
    }
}
