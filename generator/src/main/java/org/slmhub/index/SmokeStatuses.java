package org.slmhub.index;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * The smoke status of each model, from a report that {@code slmhub smoke --report} wrote
 * ({@link org.slmhub.smoke.SmokeReport}). A model smoked with several files is {@code passed}
 * only when every file passed; otherwise it takes the status of its first failure.
 */
public final class SmokeStatuses {
    private static final String PASSED = "passed";

    private SmokeStatuses() {
    }

    public static Map<String, String> read(Path report) throws IndexException {
        JsonNode root;
        try {
            root = new ObjectMapper().readTree(Files.readString(report));
        } catch (JsonProcessingException e) {
            throw new IndexException(IndexException.Kind.OTHER, report + " is not a smoke report: invalid JSON at line "
                    + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr());
        } catch (NoSuchFileException e) {
            throw new IndexException(IndexException.Kind.OTHER, "smoke report " + report + " not found");
        } catch (IOException e) {
            throw new IndexException(IndexException.Kind.OTHER, "cannot read the smoke report " + report + ": " + e.getMessage());
        }
        JsonNode results = root == null ? null : root.get("results");
        if (results == null || !results.isArray()) {
            throw new IndexException(IndexException.Kind.OTHER, report + " is not a smoke report: it has no `results` list (write one with `slmhub smoke --report FILE`)");
        }
        Map<String, String> statuses = new HashMap<>();
        for (JsonNode r : results) {
            String id = r.path("id").asText("");
            String status = r.path("status").asText("");
            if (id.isEmpty() || status.isEmpty()) {
                throw new IndexException(IndexException.Kind.OTHER, report + " is not a smoke report: a result lacks `id` or `status`");
            }
            statuses.merge(id, status, (old, now) -> old.equals(PASSED) ? now : old);
        }
        return statuses;
    }
}
