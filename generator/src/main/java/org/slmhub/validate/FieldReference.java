package org.slmhub.validate;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;

/**
 * The manifest's field reference as Markdown, generated from the JSON Schema, so the documentation
 * cannot say anything the validator does not check. content/docs/fields.md is this output.
 */
public final class FieldReference {
    private FieldReference() {
    }

    public static String markdown() {
        ManifestSchema schema = ManifestSchema.get();
        JsonNode root = schema.subschemaAt("");
        StringBuilder md = new StringBuilder();
        md.append("# Manifest fields\n\n")
                .append("<!-- Generated from generator/src/main/resources/schema/model.schema.json by FieldReference; ")
                .append("a test fails when this file and the schema disagree. -->\n\n")
                .append(escape(root.path("description").asText())).append("\n\n")
                .append("Required fields are marked **required**. Unknown fields are errors ")
                .append("([schema-unknown-field](rules.md#schema-unknown-field)).\n");
        section(md, schema, "", "Top level");
        for (String object : List.of("/requires", "/artifacts/0", "/embedding", "/smoke", "/smoke/expect", "/smoke/closer/0", "/smoke/values", "/evaluations/0", "/links")) {
            section(md, schema, object, "`" + SchemaCheck.display(object).replace("[0]", "[]") + "`");
        }
        return md.toString();
    }

    private static void section(StringBuilder md, ManifestSchema schema, String pointer, String title) {
        JsonNode node = schema.subschemaAt(pointer);
        List<String> required = new ArrayList<>();
        node.path("required").forEach(r -> required.add(r.asText()));
        md.append("\n## ").append(title).append("\n\n| field | type | meaning |\n| --- | --- | --- |\n");
        Iterator<Map.Entry<String, JsonNode>> fields = node.path("properties").fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            JsonNode property = schema.subschemaAt(pointer + "/" + field.getKey());
            md.append("| `").append(field.getKey()).append('`').append(required.contains(field.getKey()) ? " **required**" : "")
                    .append(" | ").append(type(property)).append(" | ")
                    .append(escape(property.path("description").asText(""))).append(" |\n");
        }
    }

    /** Descriptions say "<publisher>/<model>": keep Markdown from reading that as HTML. */
    private static String escape(String text) {
        return text.replace("<", "&lt;").replace(">", "&gt;").replace("|", "\\|");
    }

    private static String type(JsonNode property) {
        if (property.has("const")) {
            return "`" + property.get("const").asText() + "`";
        }
        if (property.has("enum")) {
            return "one of " + String.join(", ", StreamSupport.stream(property.get("enum").spliterator(), false)
                    .map(v -> "`" + v.asText() + "`").toList());
        }
        String type = property.path("type").asText("object");
        if (type.equals("array")) {
            JsonNode items = property.path("items");
            return "list of " + (items.has("$ref") ? "objects" : type(items) + "s");
        }
        if (property.has("pattern") && property.get("pattern").asText().equals("^https://")) {
            return "https URL";
        }
        return type;
    }
}
