package org.slmhub.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;

/**
 * A YAML document as a JSON tree, plus where every node came from. Keys are JSON pointers
 * ("" for the root, "/artifacts/0/sha256"); {@code keys} holds the position of a mapping key,
 * {@code values} the position of the value node.
 */
public record LocatedYaml(JsonNode tree, Map<String, SourcePosition> values, Map<String, SourcePosition> keys) {

    /** Where to point a reader at the node: its value, else its key, else the nearest parent. */
    public SourcePosition valuePosition(String pointer) {
        for (String p = pointer; ; p = parent(p)) {
            SourcePosition pos = values.get(p);
            if (pos != null) {
                return pos;
            }
            if (p.isEmpty()) {
                return SourcePosition.START;
            }
        }
    }

    /** The position of the key that names the node, falling back to the value. */
    public SourcePosition keyPosition(String pointer) {
        SourcePosition pos = keys.get(pointer);
        return pos != null ? pos : valuePosition(pointer);
    }

    static String parent(String pointer) {
        int slash = pointer.lastIndexOf('/');
        return slash <= 0 ? "" : pointer.substring(0, slash);
    }

    /** Escapes one pointer segment (RFC 6901). */
    public static String segment(String name) {
        return name.replace("~", "~0").replace("/", "~1");
    }
}
