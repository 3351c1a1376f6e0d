package org.slmhub.site;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.stream.IntStream;
import org.slmhub.catalog.ModelManifest;

/**
 * The registry a client reads from a published site: {@code api/models.json} lists every model with
 * its artifacts (enough to choose and verify a download) and {@code api/models/<id>.json} holds the
 * whole manifest, with the schema's field names.
 */
final class ApiFiles {
    static final int FORMAT = 1;
    static final String INDEX = "api/models.json";
    private static final ObjectMapper JSON = new ObjectMapper()
            .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .setSerializationInclusion(JsonInclude.Include.NON_EMPTY)
            .enable(SerializationFeature.INDENT_OUTPUT);

    private ApiFiles() {
    }

    /**
     * The index and one file per model, each with a key of what it is made of ({@code manifestKeys}:
     * a model id's manifest key, see {@link Rows}), so only files whose key changed are written; a
     * text is made only then, reusing each unchanged manifest's text from {@code memo} and each
     * unchanged line of the index from the last build's ({@link RegistryLines}, kept in {@code out}
     * for this site {@code code}).
     */
    static List<SiteWriter.Output> outputs(List<ModelManifest> models, SmokeResults smoke, UnaryOperator<String> manifestKeys, SiteMemo memo,
                                           Path out, String code) {
        List<ModelManifest> byId = models.stream().sorted(Comparator.comparing(ModelManifest::id)).toList();
        List<SiteWriter.Output> outputs = new ArrayList<>(byId.size() + 1);
        StringBuilder indexKey = new StringBuilder(byId.size() * 100).append("index ").append(FORMAT).append('\n');
        List<String> lineKeys = new ArrayList<>(byId.size());
        for (ModelManifest m : byId) {
            String key = manifestKeys.apply(m.id());
            String lineKey = key + " " + smoke.of(m.id());
            indexKey.append(m.id()).append(' ').append(lineKey).append('\n');
            lineKeys.add(lineKey);
            outputs.add(new SiteWriter.Output("api/models/" + m.id() + ".json", "model " + key, () -> memo.get("api", m, "", () -> text(m))));
        }
        // The index is read by programs and by the compare page: compact (half the size of indented at 10,000 models).
        // Its lines are made on every core (or taken from memory, or from the last build's index), then put in the index as they are.
        outputs.add(new SiteWriter.Output(INDEX, indexKey.toString(), () -> {
            // serve has its lines in memory from its earlier builds: the file is for a fresh process
            RegistryLines kept = memo.hasEarlierBuild() ? RegistryLines.NONE : new RegistryLines(out, code);
            List<byte[]> entries = IntStream.range(0, byId.size()).parallel().mapToObj(i -> {
                ModelManifest m = byId.get(i);
                return memo.get("api-entry", m, String.valueOf(smoke.of(m.id())), () -> {
                    byte[] line = kept.line(m.id(), lineKeys.get(i));
                    return line != null ? line : entry(m, smoke);
                });
            }).toList();
            ByteArrayOutputStream text = new ByteArrayOutputStream(entries.stream().mapToInt(e -> e.length + 1).sum() + 64);
            text.writeBytes(("{\"format\":" + FORMAT + ",\"count\":" + byId.size() + ",\"models\":[").getBytes(StandardCharsets.UTF_8));
            int[] starts = new int[entries.size()];
            for (int i = 0; i < entries.size(); i++) {
                if (i > 0) {
                    text.write(',');
                }
                starts[i] = text.size();
                text.writeBytes(entries.get(i));
            }
            text.writeBytes("]}\n".getBytes(StandardCharsets.UTF_8));
            byte[] index = text.toByteArray();
            try {
                RegistryLines.write(out, code, byId.stream().map(ModelManifest::id).toList(), lineKeys, entries, starts, index);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return index;
        }));
        return outputs;
    }

    /**
     * A model's line in the index: enough to choose and verify a download. Written field by field
     * (as a tree of nodes would be, nulls included), as UTF-8. A one-model rebuild makes only its own
     * line; the others come from memory or the last build's index ({@link RegistryLines}).
     */
    private static byte[] entry(ModelManifest m, SmokeResults smoke) {
        TextBuffer text = new TextBuffer(1024);
        try (JsonGenerator g = JSON.getFactory().createGenerator(text)) {
            g.writeStartObject();
            string(g, "id", m.id());
            string(g, "name", m.name());
            string(g, "publisher", m.publisher());
            string(g, "summary", m.summary());
            string(g, "license", ModelView.licenseLabel(m));
            string(g, "pipeline_tag", m.pipelineTag());
            string(g, "architecture", m.architecture());
            g.writeNumberField("parameters", m.parameters());
            g.writeNumberField("context_length", m.contextLength());
            string(g, "page", ModelView.modelPath(m.id()));
            string(g, "manifest", "api/models/" + m.id() + ".json");
            g.writeArrayFieldStart("artifacts");
            for (ModelManifest.Artifact a : m.artifacts()) {
                g.writeStartObject();
                string(g, "file", a.file());
                string(g, "format", a.format());
                string(g, "quantization", a.quantization());
                g.writeNumberField("size", a.size());
                string(g, "sha256", a.sha256());
                string(g, "url", a.url());
                string(g, "role", a.role() == null ? "weights" : a.role());
                g.writeEndObject();
            }
            g.writeEndArray();
            if (m.embedding() != null) {
                g.writeObjectFieldStart("embedding");
                g.writeNumberField("dimension", m.embedding().dimension());
                g.writeNumberField("max_sequence_length", m.embedding().maxSequenceLength());
                string(g, "pooling", m.embedding().pooling());
                g.writeBooleanField("normalize", m.embedding().normalizes());
                g.writeEndObject();
            }
            SmokeResults.Result r = smoke.of(m.id()).orElse(null);
            if (r != null) {
                g.writeObjectFieldStart("smoke");
                string(g, "status", r.status());
                string(g, "date", r.date());
                if (!r.quantization().isEmpty()) {
                    string(g, "quantization", r.quantization()); // the variant smoked: its speed is that file's
                }
                if (r.embedding() != null) {
                    g.writeNumberField("sentences_per_second", r.embedding().sentencesPerSecond());
                } else {
                    g.writeNumberField("tokens_per_second", r.tokensPerSecond());
                }
                g.writeEndObject();
            }
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e); // an in-memory writer does not fail
        }
        return text.utf8();
    }

    private static void string(JsonGenerator g, String name, String value) throws IOException {
        if (value == null) {
            g.writeNullField(name);
        } else {
            g.writeStringField(name, value);
        }
    }

    /**
     * The whole manifest as UTF-8, with a final newline. Jackson writes it as characters, encoded
     * at once after: its UTF-8 generator reads a String one charAt call at a time, and under the C1
     * compiler each call costs (cards are most of a manifest).
     */
    private static byte[] text(Object value) {
        TextBuffer text = new TextBuffer(8192);
        try {
            JSON.writeValue(text, value);
        } catch (IOException e) {
            throw new IllegalStateException("cannot write JSON: " + e.getMessage(), e);
        }
        text.write('\n');
        return text.utf8();
    }
}
