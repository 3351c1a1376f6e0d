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
    /** Stateless after construction, so one serves every thread. */
    private static final Resolver RESOLVER = new PlainTextFirstResolver();

    public LocatedYaml parse(String text) throws YamlSyntaxException {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        options.setMaxAliasesForCollections(20);
        options.setCodePointLimit(MAX_CODE_POINTS);
        options.setNestingDepthLimit(30);
        Node root;
        try {
            // The composer alone: building a whole Yaml facade per file costs more than parsing it.
            Composer composer = new Composer(new ParserImpl(new StreamReader(new StringReader(text)), options), RESOLVER, options);
            if (!composer.checkNode()) {
                throw new YamlSyntaxException("the file is empty: a manifest is a YAML mapping", SourcePosition.START, false);
            }
            root = composer.getNode();
            if (composer.checkNode()) {
                Node second = composer.getNode();
                throw new YamlSyntaxException("a manifest holds one YAML document, found a second one",
                        position(second == null ? null : second.getStartMark()), false);
            }
        } catch (MarkedYAMLException e) {
            throw new YamlSyntaxException(describe(e), position(e.getProblemMark()), false);
        } catch (YAMLException e) {
            throw new YamlSyntaxException(firstLine(e.getMessage()), SourcePosition.START, false);
        }
        if (!(root instanceof MappingNode)) {
            throw new YamlSyntaxException("a manifest must be a YAML mapping of fields (key: value)",
                    position(root == null ? null : root.getStartMark()), false);
        }
        Map<String, SourcePosition> values = new HashMap<>();
        Map<String, SourcePosition> keys = new HashMap<>();
        JsonNode tree = convert(root, "", values, keys);
        return new LocatedYaml(tree, values, keys);
    }

    private JsonNode convert(Node node, String pointer, Map<String, SourcePosition> values,
                             Map<String, SourcePosition> keys) throws YamlSyntaxException {
        values.put(pointer, position(node.getStartMark()));
        if (node instanceof MappingNode mapping) {
            ObjectNode object = JSON.objectNode();
            for (NodeTuple tuple : mapping.getValue()) {
                Node keyNode = tuple.getKeyNode();
                if (!(keyNode instanceof ScalarNode key)) {
                    throw new YamlSyntaxException("mapping keys must be plain names", position(keyNode.getStartMark()), false);
                }
                String name = key.getValue();
                if (object.has(name)) {
                    throw new YamlSyntaxException("duplicate key `" + name + "`: each field may appear once",
                            position(keyNode.getStartMark()), true);
                }
                String child = pointer + "/" + LocatedYaml.segment(name);
                keys.put(child, position(keyNode.getStartMark()));
                object.set(name, convert(tuple.getValueNode(), child, values, keys));
            }
            return object;
        }
        if (node instanceof SequenceNode sequence) {
            ArrayNode array = JSON.arrayNode();
            List<Node> items = sequence.getValue();
            for (int i = 0; i < items.size(); i++) {
                array.add(convert(items.get(i), pointer + "/" + i, values, keys));
            }
            return array;
        }
        return scalar((ScalarNode) node);
    }

    /** Maps YAML 1.1 implicit types (as SnakeYAML resolved them) onto JSON types. */
    private static JsonNode scalar(ScalarNode node) {
        Tag tag = node.getTag();
        String value = node.getValue();
        if (Tag.NULL.equals(tag)) {
            return JSON.nullNode();
        }
        if (Tag.BOOL.equals(tag)) {
            return JSON.booleanNode(value.equalsIgnoreCase("true") || value.equalsIgnoreCase("yes") || value.equalsIgnoreCase("on"));
        }
        if (Tag.INT.equals(tag)) {
            try {
                BigInteger n = new BigInteger(value.replace("_", ""));
                return n.bitLength() < 64 ? JSON.numberNode(n.longValue()) : JSON.numberNode(n);
            } catch (NumberFormatException e) {
                return JSON.textNode(value); // hex/octal/sexagesimal forms: let the schema reject them as text
            }
        }
        if (Tag.FLOAT.equals(tag)) {
            try {
                return JSON.numberNode(Double.parseDouble(value.replace("_", "")));
            } catch (NumberFormatException e) {
                return JSON.textNode(value);
            }
        }
        return JSON.textNode(value);
    }

    private static SourcePosition position(Mark mark) {
        return mark == null ? SourcePosition.START : new SourcePosition(mark.getLine() + 1, mark.getColumn() + 1);
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
