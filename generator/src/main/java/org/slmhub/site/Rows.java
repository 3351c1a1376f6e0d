package org.slmhub.site;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.nio.charset.StandardCharsets;
import java.util.AbstractList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.RandomAccess;
import java.util.concurrent.ConcurrentHashMap;
import org.slmhub.catalog.CatalogEntry;
import org.slmhub.catalog.ManifestBinder;
import org.slmhub.catalog.ModelManifest;
import org.slmhub.history.ModelHistory;

/**
 * Every model's list row, made only when a page that shows it is rendered, and its key: a short
 * text of what the row is made of (the manifest's digest, the model's Git dates, the base URL), so a
 * build tells which pages changed without making their data. The site code's version is not in the
 * key: it is in every page's hash ({@link SiteBuild}).
 */
final class Rows {
    private final Map<String, ModelManifest> models = new HashMap<>();
    private final Map<String, String> manifestKeys = new HashMap<>();
    private final Map<String, String> keys = new HashMap<>();
    private final Map<String, Map<String, Object>> made = new ConcurrentHashMap<>();
    private final Map<String, ModelHistory.Dates> history;
    private final String base;
    private final SiteMemo memo;

    Rows(List<CatalogEntry> entries, Map<String, ModelHistory.Dates> history, String base, SiteMemo memo, ManifestDigests digests) {
        this.history = history;
        this.base = base;
        this.memo = memo;
        List<String[]> computed = entries.parallelStream().map(e -> {
            ModelManifest m = e.manifest();
            String digest = digests.of(e.file());
            String manifestKey = digest != null ? "checksum " + digest : memo.get("manifest-key", m, "", () -> "bound " + boundDigest(m));
            // hashed short: a listing page's key holds its hundred rows' keys
            return new String[] {manifestKey, BuildState.contentHash(m.id() + "\n" + manifestKey + "\n" + history.get(m.id()) + "\n" + base)};
        }).toList();
        for (int i = 0; i < entries.size(); i++) {
            ModelManifest m = entries.get(i).manifest();
            models.put(m.id(), m);
            manifestKeys.put(m.id(), computed.get(i)[0]);
            keys.put(m.id(), computed.get(i)[1]);
        }
    }

    boolean has(String id) {
        return models.containsKey(id);
    }

    /** What the model's row is made of. */
    String key(String id) {
        return keys.get(id);
    }

    /** What the model's manifest is (its file's digest, or its bound record's). */
    String manifestKey(String id) {
        return manifestKeys.get(id);
    }

    ModelHistory.Dates dates(String id) {
        return history.get(id);
    }

    Map<String, Object> row(String id) {
        return made.computeIfAbsent(id, k -> {
            ModelManifest m = models.get(id);
            return memo.get("row", m, keys.get(id), () -> ModelView.row(m, history.get(id), base));
        });
    }

    /** The rows of these models, in this order, made when the list is read. */
    List<Map<String, Object>> list(List<String> ids) {
        return new RowList(this, List.copyOf(ids));
    }

    /** A manifest without a known file digest (serve keeps parsed manifests): its record as JSON, hashed. */
    private static String boundDigest(ModelManifest m) {
        try {
            return BuildState.contentHash(new String(ManifestBinder.mapper().writeValueAsBytes(m), StandardCharsets.UTF_8));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a manifest as JSON: " + e.getMessage(), e);
        }
    }

    /** A list of rows that counts in a page's fingerprint by its models' row keys. */
    private static final class RowList extends AbstractList<Map<String, Object>> implements Keyed, RandomAccess {
        private final Rows rows;
        private final List<String> ids;
        private volatile String key;

        RowList(Rows rows, List<String> ids) {
            this.rows = rows;
            this.ids = ids;
        }

        @Override
        public Map<String, Object> get(int index) {
            return rows.row(ids.get(index));
        }

        @Override
        public int size() {
            return ids.size();
        }

        @Override
        public List<Map<String, Object>> subList(int from, int to) {
            return new RowList(rows, ids.subList(from, to));
        }

        @Override
        public String key() {
            String k = key;
            if (k == null) {
                StringBuilder b = new StringBuilder(ids.size() * 120);
                for (String id : ids) {
                    b.append(rows.key(id)).append('\n');
                }
                k = b.toString();
                key = k;
            }
            return k;
        }
    }
}
