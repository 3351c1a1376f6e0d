package org.slmhub.validate;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slmhub.catalog.LocatedYaml;
import org.slmhub.catalog.SourcePosition;

/**
 * What the JSON Schema lets through and a manifest must still not hold: a YAML float where a count
 * goes (JSON Schema takes 1.0 for the integer 1, but YAML typed it as a float, and a float does
 * not bind to a count), and an https URL without a host or with a user and password in it.
 */
final class BeyondSchema {
    private final SchemaCheck schemaCheck;
    private final ManifestSchema schema = ManifestSchema.get();

    BeyondSchema(SchemaCheck schemaCheck) {
        this.schemaCheck = schemaCheck;
    }

    /**
     * Adds the problems of the nodes the schema had nothing to say about (not in {@code reported}).
     * Only floats and URL fields can have one, so the tree is walked once, looking at nothing else.
     */
    void check(Path file, LocatedYaml yaml, Set<String> reported, List<Finding> findings) {
        walk(file, yaml, yaml.tree(), "", reported, findings);
    }

    private void walk(Path file, LocatedYaml yaml, JsonNode node, String pointer, Set<String> reported, List<Finding> findings) {
        if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext(); ) {
                Map.Entry<String, JsonNode> field = fields.next();
                JsonNode value = field.getValue();
                if (value.isContainerNode() || value.isFloatingPointNumber() || SchemaCheck.urlField(pointer, field.getKey())) {
                    walk(file, yaml, value, pointer + "/" + LocatedYaml.segment(field.getKey()), reported, findings);
                }
            }
        } else if (node.isArray()) {
            boolean urls = SchemaCheck.urlItems(pointer);
            for (int i = 0; i < node.size(); i++) {
                JsonNode item = node.get(i);
                if (item.isContainerNode() || item.isFloatingPointNumber() || urls) {
                    walk(file, yaml, item, pointer + "/" + i, reported, findings);
                }
            }
        } else {
            // only floats and URL fields come this far (or a root that is no mapping): the pointer is made for them alone
            boolean urlField = SchemaCheck.urlField(pointer);
            if ((node.isFloatingPointNumber() || urlField) && !reported.contains(pointer)) {
                check(file, yaml, pointer, node, urlField).ifPresent(findings::add);
            }
        }
    }

    private Optional<Finding> check(Path file, LocatedYaml yaml, String pointer, JsonNode value, boolean urlField) {
        SourcePosition at = yaml.valuePosition(pointer);
        String field = SchemaCheck.display(pointer);
        if (value.isFloatingPointNumber()) {
            if (pointer.equals("/schema")) {
                return Optional.of(Finding.error(file, at, Rule.SCHEMA_VERSION,
                        Rule.SCHEMA_VERSION.message(SchemaCheck.shortText(value)), Rule.SCHEMA_VERSION.hint()));
            }
            if (schema.subschemaAt(pointer).path("type").asText().equals("integer")) {
                return Optional.of(Finding.error(file, at, Rule.SCHEMA_TYPE,
                        Rule.SCHEMA_TYPE.message(field, SchemaCheck.article("integer"), SchemaCheck.found(value)),
                        Rule.SCHEMA_TYPE.hint(schemaCheck.describe(pointer))));
            }
        }
        if (urlField && !schema.subschemaAt(pointer).isMissingNode()) {
            return urlFormProblem(value).map(problem -> Finding.error(file, at, Rule.URL_FORM,
                    Rule.URL_FORM.message(field, problem), Rule.URL_FORM.hint()));
        }
        return Optional.empty();
    }

    /** What is wrong with an https URL that {@code format: uri} accepted; non-https values the schema reports. */
    static Optional<String> urlFormProblem(JsonNode value) {
        if (!value.isTextual() || !value.asText().startsWith("https:")) {
            return Optional.empty();
        }
        URI uri;
        try {
            uri = new URI(value.asText());
        } catch (URISyntaxException e) {
            return Optional.of("it is not a well-formed address (" + e.getReason() + ")");
        }
        String authority = uri.getRawAuthority();
        if (authority == null || authority.isEmpty()) {
            return Optional.of("it has no host");
        }
        if (authority.contains("@")) {
            return Optional.of("it names a user or password");
        }
        if (uri.getHost() == null) {
            return Optional.of("its host is not a valid host name");
        }
        return Optional.empty();
    }
}
