package org.slmhub.validate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.PathType;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** The manifest JSON Schema shipped in the jar: compiled once, plus the lookups messages need. */
public final class ManifestSchema {
    public static final String RESOURCE = "/schema/model.schema.json";
    private static final ManifestSchema INSTANCE = load();

    private final JsonNode document;
    private final JsonSchema compiled;

    private ManifestSchema(JsonNode document, JsonSchema compiled) {
        this.document = document;
        this.compiled = compiled;
    }

    public static ManifestSchema get() {
        return INSTANCE;
    }

    /** The schema file's text, for publishing it beside the catalog. */
    public static String text() {
        try (InputStream in = ManifestSchema.class.getResourceAsStream(RESOURCE)) {
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static ManifestSchema load() {
        try (InputStream in = ManifestSchema.class.getResourceAsStream(RESOURCE)) {
            JsonNode doc = new ObjectMapper().readTree(in);
            SchemaValidatorsConfig config = SchemaValidatorsConfig.builder()
                    .pathType(PathType.JSON_POINTER)
                    .formatAssertionsEnabled(true)
                    .regularExpressionFactory(new SchemaPatterns())
                    .locale(Locale.ROOT)
                    .build();
            JsonSchema schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(doc, config);
            return new ManifestSchema(doc, schema);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the bundled schema " + RESOURCE, e);
        }
    }

    public Set<ValidationMessage> validate(JsonNode manifest) {
        return compiled.validate(manifest);
    }

    /** The subschema that governs the value at an instance pointer, or a missing node. */
    public JsonNode subschemaAt(String pointer) {
        JsonNode node = resolve(document);
        if (pointer.isEmpty()) {
            return node;
        }
        for (String segment : pointer.substring(1).split("/", -1)) {
            if (segment.chars().allMatch(Character::isDigit) && node.has("items")) {
                node = resolve(node.get("items"));
            } else {
                node = resolve(node.path("properties").path(segment.replace("~1", "/").replace("~0", "~")));
            }
        }
        return node;
    }

    public String descriptionAt(String pointer) {
        return subschemaAt(pointer).path("description").asText("");
    }

    /** Field names the schema allows in the object at a pointer. */
    public List<String> propertiesAt(String pointer) {
        List<String> names = new ArrayList<>();
        Iterator<String> it = subschemaAt(pointer).path("properties").fieldNames();
        it.forEachRemaining(names::add);
        return names;
    }

    private JsonNode resolve(JsonNode node) {
        JsonNode ref = node.get("$ref");
        if (ref != null && ref.asText().startsWith("#/")) {
            return document.at(ref.asText().substring(1));
        }
        return node;
    }
}
