package org.slmhub.validate;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.Optional;
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

    /** The problem with the node at a pointer the schema had nothing to say about, if any. */
    Optional<Finding> check(Path file, LocatedYaml yaml, String pointer) {
        JsonNode value = yaml.tree().at(pointer);
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
        if (SchemaCheck.URL_FIELD.matcher(pointer).matches() && !schema.subschemaAt(pointer).isMissingNode()) {
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
