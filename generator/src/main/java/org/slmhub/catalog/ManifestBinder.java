package org.slmhub.catalog;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.json.JsonMapper;

/** Binds a schema-valid JSON tree to {@link ModelManifest}; unknown keys fail. */
public final class ManifestBinder {
    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
            .build();

    private ManifestBinder() {
    }

    public static ModelManifest bind(JsonNode tree) throws ManifestBindingException {
        try {
            return MAPPER.treeToValue(tree, ModelManifest.class);
        } catch (Exception e) {
            // Only reachable when schema and records disagree: a bug in slmhub, not in the manifest.
            throw new ManifestBindingException("manifest does not fit the typed model: " + e.getMessage().lines().findFirst().orElse(""), e);
        }
    }

    /** The shared mapper, configured like the binder, for writing manifests as JSON. */
    public static ObjectMapper mapper() {
        return MAPPER;
    }

    public static final class ManifestBindingException extends Exception {
        ManifestBindingException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
