package org.slmhub.smoke;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** The JSON report of a smoke run: one object per model and artifact. The site reads it. */
public final class SmokeReport {
    public static final int FORMAT_VERSION = 1;

    private SmokeReport() {
    }

    public static ObjectNode toJson(List<ModelResult> results) {
        ObjectMapper mapper = new ObjectMapper();
        ObjectNode root = mapper.createObjectNode();
        root.put("format", FORMAT_VERSION);
        root.put("engine", EngineVersion.DESCRIPTION);
        root.put("embedding_engine", OnnxEngineVersion.DESCRIPTION);
        root.put("passed", results.stream().filter(r -> r.verdict().passed()).count());
        root.put("failed", results.stream().filter(r -> !r.verdict().passed()).count());
        ArrayNode list = root.putArray("results");
        for (ModelResult r : results) {
            ObjectNode n = list.addObject();
            n.put("id", r.id());
            n.put("status", r.verdict().id());
            n.put("reason", r.reason());
            ObjectNode a = n.putObject("artifact");
            a.put("file", r.artifact().file());
            a.put("quantization", r.artifact().quantization());
            a.put("sha256", r.artifact().sha256());
            a.put("size", r.artifact().size());
            n.put("expected", r.expected());
            SmokeOutcome o = r.outcome();
            if (o != null) {
                n.put("text", o.text());
                n.put("tokens", o.tokenCount());
                n.put("load_ms", o.loadMillis());
                n.put("generation_ms", o.generationMillis());
                n.put("tokens_per_second", Math.round(o.tokensPerSecond() * 10) / 10.0);
                n.put("peak_rss_bytes", o.peakRssBytes());
                n.put("engine", o.engine());
                o.chatAnswer().ifPresent(chat -> n.putObject("chat")
                        .put("text", chat.text()).put("tokens", chat.tokenCount()).put("stopped_by_itself", chat.stoppedByItself()));
            }
            if (r.embedding() != null) {
                EmbeddingOutcome e = r.embedding().outcome();
                ObjectNode em = n.putObject("embedding");
                em.put("dimension", e.dimension());
                em.put("load_ms", e.loadMillis());
                em.put("embed_ms", e.embedMillis());
                em.put("sentences_per_second", Math.round(e.sentencesPerSecond() * 10) / 10.0);
                ArrayNode cosines = em.putArray("closer");
                r.embedding().cosines().forEach(c -> cosines.addObject().put("anchor", c.triple().anchor()).put("nearer", c.triple().nearer())
                        .put("farther", c.triple().farther()).put("nearer_cosine", Math.round(c.nearerCosine() * 1e4) / 1e4)
                        .put("farther_cosine", Math.round(c.fartherCosine() * 1e4) / 1e4));
                n.put("peak_rss_bytes", e.peakRssBytes());
                n.put("engine", e.engine());
            }
            n.put("date", r.date().toString());
        }
        return root;
    }

    /** Writes the report atomically, so a reader never sees half of it. */
    public static void write(Path file, List<ModelResult> results) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        TextFileReplacement.replace(file, toJson(results).toPrettyString() + "\n");
    }
}
