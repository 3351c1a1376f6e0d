package org.slmhub.index;

import java.time.Instant;
import java.util.Map;
import org.slmhub.history.ModelHistory;

/**
 * What the index knows beyond the manifests.
 *
 * @param dates         added and updated dates per model id, from Git (empty outside a Git repository)
 * @param smokeStatuses the smoke status per model id ({@code passed}, {@code load-failed}, ...); others are {@code unknown}
 * @param catalogCommit the catalog's Git commit, or null outside a Git repository
 * @param builtAt       recorded in the index
 */
public record IndexInputs(Map<String, ModelHistory.Dates> dates, Map<String, String> smokeStatuses, String catalogCommit, Instant builtAt) {
    public static final String UNKNOWN_SMOKE = "unknown";

    public IndexInputs {
        dates = Map.copyOf(dates);
        smokeStatuses = Map.copyOf(smokeStatuses);
    }

    /** No dates, no smoke results, no commit: what a catalog outside Git gives. */
    public static IndexInputs none(Instant builtAt) {
        return new IndexInputs(Map.of(), Map.of(), null, builtAt);
    }

    public String smokeStatus(String id) {
        return smokeStatuses.getOrDefault(id, UNKNOWN_SMOKE);
    }
}
