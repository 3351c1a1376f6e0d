package org.slmhub.validate;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonNodePath;
import com.networknt.schema.ValidationMessage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Set;
import java.util.List;
import java.util.Locale;
import java.util.stream.StreamSupport;
import org.slmhub.catalog.LocatedYaml;
import org.slmhub.catalog.SourcePosition;

/**
 * Level 2: runs the JSON Schema and turns each violation into a finding at the line of the
 * offending node, with the field's own description or the closest allowed word as the hint.
 */
final class SchemaCheck {
    /** Fields that hold a URL wherever they are; and each item of a {@code sources} list. */
    private static final Set<String> URL_FIELDS = Set.of("url", "homepage", "repository", "paper", "license_link", "source");
    private static final String HTTPS_PATTERN = "^https://";

    private final ManifestSchema schema = ManifestSchema.get();
    private final BeyondSchema beyondSchema = new BeyondSchema(this);

    List<Finding> check(Path file, LocatedYaml yaml) {
        Set<ValidationMessage> messages = schema.validate(yaml.tree());
        Set<String> typoTargets = typoTargets(messages);
        List<Finding> findings = new ArrayList<>();
        Set<String> reported = new HashSet<>();
        for (ValidationMessage m : messages) {
            boolean explainedByTypo = m.getType().equals("required")
                    && typoTargets.contains(pointer(m.getInstanceLocation()) + "/" + LocatedYaml.segment(m.getProperty()));
            if (!explainedByTypo) {
                findings.add(toFinding(file, yaml, m));
            }
            reported.add(pointer(m.getInstanceLocation()));
        }
        beyondSchema.check(file, yaml, reported, findings);
        return findings;
    }

    /**
     * Pointers of required fields that an unknown field nearby probably meant: "licence" both is
     * unknown and leaves "license" missing, and one typo should read as one problem.
     */
    private Set<String> typoTargets(Set<ValidationMessage> messages) {
        Set<String> targets = new HashSet<>();
        for (ValidationMessage m : messages) {
            if (m.getType().equals("additionalProperties")) {
                String parent = pointer(m.getInstanceLocation());
                ClosestMatch.among(m.getProperty(), schema.propertiesAt(parent))
                        .ifPresent(s -> targets.add(parent + "/" + LocatedYaml.segment(s)));
            }
        }
        return targets;
    }

    private Finding toFinding(Path file, LocatedYaml yaml, ValidationMessage m) {
        String pointer = pointer(m.getInstanceLocation());
        String field = display(pointer);
        JsonNode value = m.getInstanceNode();
        SourcePosition at = yaml.valuePosition(pointer);
        String keyword = m.getType();
        switch (keyword) {
            case "required" -> {
                String child = pointer + "/" + LocatedYaml.segment(m.getProperty());
                return Finding.error(file, pointer.isEmpty() ? yaml.valuePosition("") : yaml.keyPosition(pointer),
                        Rule.SCHEMA_REQUIRED, Rule.SCHEMA_REQUIRED.message(display(child)),
                        Rule.SCHEMA_REQUIRED.hint(describe(child)));
            }
            case "additionalProperties" -> {
                String name = m.getProperty();
                List<String> allowed = schema.propertiesAt(pointer);
                String hint = ClosestMatch.among(name, allowed).map(s -> "did you mean `" + s + "`? ").orElse("")
                        + "Allowed " + (pointer.isEmpty() ? "top-level fields" : "in " + field) + ": " + String.join(", ", allowed) + ".";
                return Finding.error(file, yaml.keyPosition(pointer + "/" + LocatedYaml.segment(name)),
                        Rule.SCHEMA_UNKNOWN_FIELD, Rule.SCHEMA_UNKNOWN_FIELD.message(ManifestRules.cut(name)), Rule.SCHEMA_UNKNOWN_FIELD.hint(hint));
            }
            case "type" -> {
                String expected = article(m.getSchemaNode().asText());
                return Finding.error(file, at, Rule.SCHEMA_TYPE,
                        Rule.SCHEMA_TYPE.message(field, expected, found(value)),
                        Rule.SCHEMA_TYPE.hint(describe(pointer)));
            }
            case "enum" -> {
                List<String> allowed = StreamSupport.stream(m.getSchemaNode().spliterator(), false).map(JsonNode::asText).toList();
                String hint = ClosestMatch.among(value.asText(), allowed).map(s -> "did you mean `" + s + "`? ").orElse("")
                        + "Allowed: " + String.join(", ", allowed) + ".";
                return Finding.error(file, at, Rule.SCHEMA_ENUM, Rule.SCHEMA_ENUM.message(field, shortText(value)), Rule.SCHEMA_ENUM.hint(hint));
            }
            case "const" -> {
                if (pointer.equals("/schema")) {
                    return Finding.error(file, at, Rule.SCHEMA_VERSION, Rule.SCHEMA_VERSION.message(shortText(value)), Rule.SCHEMA_VERSION.hint());
                }
            }
            case "pattern" -> {
                Finding special = patternFinding(file, at, pointer, field, value, m.getSchemaNode().asText());
                if (special != null) {
                    return special;
                }
                return Finding.error(file, at, Rule.SCHEMA_VALUE,
                        Rule.SCHEMA_VALUE.message(field, "value " + shortText(value) + " does not match the pattern " + m.getSchemaNode().asText()),
                        Rule.SCHEMA_VALUE.hint(describe(pointer)));
            }
            default -> {
            }
        }
        return Finding.error(file, at, Rule.SCHEMA_VALUE, Rule.SCHEMA_VALUE.message(field, stripLocation(m.getMessage())),
                Rule.SCHEMA_VALUE.hint(describe(pointer)));
    }

    /** Pattern failures that have a rule of their own, so the message can say what is meant. */
    private static Finding patternFinding(Path file, SourcePosition at, String pointer, String field, JsonNode value, String pattern) {
        if (pattern.equals(HTTPS_PATTERN) && urlField(pointer)) {
            return Finding.error(file, at, Rule.HTTPS_ONLY, Rule.HTTPS_ONLY.message(field, shortText(value)), Rule.HTTPS_ONLY.hint());
        }
        if (pointer.equals("/id")) {
            return Finding.error(file, at, Rule.ID_FORMAT, Rule.ID_FORMAT.message(shortText(value)), Rule.ID_FORMAT.hint());
        }
        if (pointer.matches("/artifacts/\\d+/sha256")) {
            return Finding.error(file, at, Rule.SHA256_FORMAT, Rule.SHA256_FORMAT.message(shortText(value)), Rule.SHA256_FORMAT.hint());
        }
        if (pointer.matches("/base_model/\\d+")) {
            return Finding.error(file, at, Rule.BASE_MODEL, Rule.BASE_MODEL.message(shortText(value), "is not a well-formed model id"), Rule.BASE_MODEL.hint());
        }
        return null;
    }

    String describe(String pointer) {
        String description = schema.descriptionAt(pointer);
        return description.isEmpty() ? "See the manifest format in the contributor guide." : display(pointer) + ": " + description;
    }

    static String pointer(JsonNodePath path) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < path.getNameCount(); i++) {
            sb.append('/').append(LocatedYaml.segment(String.valueOf(path.getElement(i))));
        }
        return sb.toString();
    }

    /** Whether the node at {@code pointer} holds a URL: a {@link #URL_FIELDS} field, or an item of {@code sources}. */
    static boolean urlField(String pointer) {
        int slash = pointer.lastIndexOf('/');
        return slash >= 0 && urlField(pointer.substring(0, slash), pointer.substring(slash + 1));
    }

    /** Whether the field or item {@code name} of the node at {@code parent} holds a URL; the walk asks before it makes a pointer. */
    static boolean urlField(String parent, String name) {
        if (URL_FIELDS.contains(name)) {
            return true;
        }
        for (int i = 0; i < name.length(); i++) {
            if (name.charAt(i) < '0' || name.charAt(i) > '9') {
                return false;
            }
        }
        return !name.isEmpty() && urlItems(parent);
    }

    /** Whether the items of the sequence at {@code pointer} are URLs (those of {@code sources}). */
    static boolean urlItems(String pointer) {
        return pointer.endsWith("/sources");
    }

    /** "/artifacts/0/sha256" → "artifacts[0].sha256", the way people name fields. */
    static String display(String pointer) {
        if (pointer.isEmpty()) {
            return "manifest";
        }
        StringBuilder sb = new StringBuilder();
        for (String segment : pointer.substring(1).split("/", -1)) {
            if (segment.chars().allMatch(Character::isDigit) && !segment.isEmpty()) {
                sb.append('[').append(segment).append(']');
            } else {
                sb.append(sb.length() == 0 ? "" : ".").append(segment.replace("~1", "/").replace("~0", "~"));
            }
        }
        return sb.toString();
    }

    static String article(String type) {
        return switch (type) {
            case "integer", "array", "object" -> "an " + type;
            default -> "a " + type;
        };
    }

    /** "string "1.5B"", "integer 42", or just "null". */
    static String found(JsonNode value) {
        return value == null || value.isNull() ? "null" : typeOf(value) + " " + shortText(value);
    }

    private static String typeOf(JsonNode node) {
        if (node == null || node.isNull()) {
            return "null";
        }
        if (node.isIntegralNumber()) {
            return "integer";
        }
        if (node.isNumber()) {
            return "number";
        }
        return node.getNodeType().name().toLowerCase(Locale.ROOT);
    }

    static String shortText(JsonNode node) {
        if (node == null || node.isNull()) {
            return "null";
        }
        String text = node.isContainerNode() ? node.toString() : node.isTextual() ? "\"" + node.asText() + "\"" : node.asText();
        return ManifestRules.cut(text);
    }

    /** networknt prefixes messages with the instance path; the finding prints its own location. */
    private static String stripLocation(String message) {
        int colon = message.indexOf(": ");
        boolean located = message.startsWith("/") || message.startsWith("$") || message.startsWith(":");
        return colon >= 0 && located ? message.substring(colon + 2) : message;
    }
}
