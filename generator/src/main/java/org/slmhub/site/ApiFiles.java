package org.slmhub.site;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.slmhub.catalog.ModelManifest;

/**
 * The registry a client reads from a published site: {@code api/models.json} lists every model with
 * its artifacts (enough to choose and verify a download) and {@code api/models/<id>.json} holds the
 * whole manifest, with the schema's field names.
 */
final class ApiFiles {
    static final int FORMAT = 1;
    private static final ObjectMapper JSON = new ObjectMapper()
            .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .setSerializationInclusion(JsonInclude.Include.NON_EMPTY)
            .enable(SerializationFeature.INDENT_OUTPUT);

    private ApiFiles() {
    }

    /**
     * The index and one file per model, each with a key of what it is made of ({@code manifestKeys}:
     * a model id's manifest key, see {@link Rows}), so only files whose key changed are written; a
     * text is made only then, reusing each unchanged manifest's text from {@code memo}.
     */
    static List<SiteWriter.Output> outputs(List<ModelManifest> models, SmokeResults smoke, UnaryOperator<String> manifestKeys, SiteMemo memo) {
        List<ModelManifest> byId = models.stream().sorted(Comparator.comparing(ModelManifest::id)).toList();
        List<SiteWriter.Output> outputs = new ArrayList<>(byId.size() + 1);
        StringBuilder indexKey = new StringBuilder(byId.size() * 100).append("index ").append(FORMAT).append('\n');
        for (ModelManifest m : byId) {
            String key = manifestKeys.apply(m.id());
            indexKey.append(m.id()).append(' ').append(key).append(' ').append(smoke.of(m.id())).append('\n');
            outputs.add(new SiteWriter.Output("api/models/" + m.id() + ".json", "model " + key, () -> memo.get("api", m, "", () -> text(m))));
        }
        // The index is read by programs and by the compare page: compact (half the size of indented at 10,000 models).
        // Its entries are written on every core, then joined as Jackson would write the whole tree.
        outputs.add(new SiteWriter.Output("api/models.json", indexKey.toString(), () -> {
            ObjectNode head = JSON.createObjectNode().put("format", FORMAT).put("count", byId.size());
            head.putArray("models");
            String start = compact(head).strip();
            start = start.substring(0, start.length() - "]}".length()); // keeps the opening bracket
            List<String> entries = byId.parallelStream()
                    .map(m -> memo.get("api-entry", m, String.valueOf(smoke.of(m.id())), () -> compact(entry(m, smoke)).strip())).toList();
            return start + String.join(",", entries) + "]}\n";
        }));
        return outputs;
    }

    /** A model's line in the index: enough to choose and verify a download. */
    private static ObjectNode entry(ModelManifest m, SmokeResults smoke) {
        ObjectNode n = JSON.createObjectNode();
        n.put("id", m.id());
        n.put("name", m.name());
        n.put("publisher", m.publisher());
        n.put("summary", m.summary());
        n.put("license", ModelView.licenseLabel(m));
        n.put("pipeline_tag", m.pipelineTag());
        n.put("architecture", m.architecture());
        n.put("parameters", m.parameters());
        n.put("context_length", m.contextLength());
        n.put("page", ModelView.modelPath(m.id()));
        n.put("manifest", "api/models/" + m.id() + ".json");
        ArrayNode artifacts = n.putArray("artifacts");
        m.artifacts().forEach(a -> artifacts.addObject().put("file", a.file()).put("format", a.format())
                .put("quantization", a.quantization()).put("size", a.size()).put("sha256", a.sha256()).put("url", a.url())
                .put("role", a.role() == null ? "weights" : a.role()));
        if (m.embedding() != null) {
            n.putObject("embedding").put("dimension", m.embedding().dimension()).put("max_sequence_length", m.embedding().maxSequenceLength())
                    .put("pooling", m.embedding().pooling()).put("normalize", m.embedding().normalizes());
        }
        smoke.of(m.id()).ifPresent(r -> {
            ObjectNode s = n.putObject("smoke").put("status", r.status()).put("date", r.date());
            if (r.embedding() != null) {
                s.put("sentences_per_second", r.embedding().sentencesPerSecond());
            } else {
                s.put("tokens_per_second", r.tokensPerSecond());
            }
        });
        return n;
    }

    private static String compact(Object value) {
        try {
            return JSON.writer().without(SerializationFeature.INDENT_OUTPUT).writeValueAsString(value) + "\n";
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON: " + e.getMessage(), e);
        }
    }

    private static String text(Object value) {
        try {
            return JSON.writeValueAsString(value) + "\n";
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON: " + e.getMessage(), e);
        }
    }
}
