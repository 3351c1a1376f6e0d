package org.slmhub.site;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The smoke report (written by {@code slmhub smoke}) as the site shows it: one result per model id. */
public final class SmokeResults {
    /** What a model page shows; numbers are absent (negative) when the run did not get that far. */
    public record Result(String status, String date, String quantization, String text, double tokensPerSecond, long peakRssBytes,
                         Embedding embedding) {
    }

    /** An embedding model's run: the dimension it returned, its speed, and the cosines of each closer triple. */
    public record Embedding(int dimension, double sentencesPerSecond, List<Closer> closer) {
    }

    public record Closer(String anchor, String nearer, String farther, double nearerCosine, double fartherCosine) {
    }

    private final Map<String, Result> byId;

    private SmokeResults(Map<String, Result> byId) {
        this.byId = byId;
    }

    public static SmokeResults none() {
        return new SmokeResults(Map.of());
    }

    /** Reads a report; when a model appears twice, the later entry wins. */
    public static SmokeResults read(Path report) throws IOException {
        JsonNode root;
        try {
            root = new ObjectMapper().readTree(Files.readString(report));
        } catch (IOException e) {
            throw new IOException("cannot read the smoke report " + report + ": " + e.getMessage(), e);
        }
        if (root == null || !root.path("results").isArray()) {
            throw new IOException("the smoke report " + report + " has no `results` array (write it with `slmhub smoke --report FILE`)");
        }
        Map<String, Result> byId = new HashMap<>();
        for (JsonNode n : root.path("results")) {
            byId.put(n.path("id").asText(), new Result(n.path("status").asText("unknown"), n.path("date").asText(""),
                    n.path("artifact").path("quantization").asText(""), n.path("text").asText(""),
                    n.path("tokens_per_second").asDouble(-1), n.path("peak_rss_bytes").asLong(-1), embedding(n.path("embedding"))));
        }
        return new SmokeResults(byId);
    }

    private static Embedding embedding(JsonNode e) {
        if (!e.isObject()) {
            return null;
        }
        List<Closer> closer = new ArrayList<>();
        for (JsonNode c : e.path("closer")) {
            closer.add(new Closer(c.path("anchor").asText(""), c.path("nearer").asText(""), c.path("farther").asText(""),
                    c.path("nearer_cosine").asDouble(), c.path("farther_cosine").asDouble()));
        }
        return new Embedding(e.path("dimension").asInt(0), e.path("sentences_per_second").asDouble(-1), List.copyOf(closer));
    }

    public Optional<Result> of(String id) {
        return Optional.ofNullable(byId.get(id));
    }
}
