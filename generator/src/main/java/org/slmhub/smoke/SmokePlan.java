package org.slmhub.smoke;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import org.slmhub.catalog.CatalogEntry;
import org.slmhub.catalog.HumanUnits;
import org.slmhub.catalog.ModelManifest;

/**
 * Which models and artifacts a smoke run covers: models with a {@code smoke} block and a GGUF
 * artifact, filtered by id and by change, split into shards, each with its smallest GGUF (or all).
 */
public final class SmokePlan {
    private SmokePlan() {
    }

    /** One model to smoke, with the artifacts to run. */
    public record Item(CatalogEntry entry, List<ModelManifest.Artifact> artifacts) {
        public String id() {
            return entry.manifest().id();
        }
    }

    /** A model left out, and why (no smoke block, no GGUF). */
    public record Skip(String id, String reason) {
    }

    public record Plan(List<Item> items, List<Skip> skipped) {
    }

    /** A shard of a CI matrix: number {@code index} (1-based) of {@code count}. */
    public record Shard(int index, int count) {
        public static final Shard ALL = new Shard(1, 1);

        public Shard {
            if (count < 1 || index < 1 || index > count) {
                throw new IllegalArgumentException("shard must be I/N with 1 <= I <= N, got " + index + "/" + count);
            }
        }

        /** This shard's part of a sorted list: round-robin, deterministic, and even as the list grows. */
        public <T> List<T> select(List<T> sorted) {
            List<T> mine = new ArrayList<>();
            for (int i = 0; i < sorted.size(); i++) {
                if (i % count == index - 1) {
                    mine.add(sorted.get(i));
                }
            }
            return mine;
        }

        public static Shard parse(String text) {
            String[] parts = text.split("/");
            try {
                if (parts.length == 2) {
                    return new Shard(Integer.parseInt(parts[0].strip()), Integer.parseInt(parts[1].strip()));
                }
            } catch (NumberFormatException e) {
                // fall through to the message below
            }
            throw new IllegalArgumentException("shard must be I/N, e.g. 2/4, got `" + text + "`");
        }
    }

    /**
     * @param entries     the catalog, or the models asked for
     * @param onlyIds     when not null, keep only these ids (e.g. the models changed since a revision)
     * @param allVariants every GGUF artifact instead of the smallest
     */
    public static Plan of(List<CatalogEntry> entries, Set<String> onlyIds, Shard shard, boolean allVariants) {
        return of(entries, onlyIds, shard, allVariants, Long.MAX_VALUE);
    }

    /** @param maxBytes leave out models whose smallest GGUF is larger (a site build smokes what it can download quickly) */
    public static Plan of(List<CatalogEntry> entries, Set<String> onlyIds, Shard shard, boolean allVariants, long maxBytes) {
        List<Item> items = new ArrayList<>();
        List<Skip> skipped = new ArrayList<>();
        List<CatalogEntry> sorted = entries.stream()
                .filter(e -> onlyIds == null || onlyIds.contains(e.manifest().id()))
                .sorted(Comparator.comparing(e -> e.manifest().id()))
                .toList();
        for (CatalogEntry entry : sorted) {
            ModelManifest m = entry.manifest();
            List<ModelManifest.Artifact> ggufs = m.artifacts().stream()
                    .filter(a -> a.format().equals("gguf") && (a.role() == null || a.role().equals("weights")))
                    .sorted(Comparator.comparingLong(ModelManifest.Artifact::size).thenComparing(ModelManifest.Artifact::file))
                    .toList();
            if (m.smoke() == null) {
                skipped.add(new Skip(m.id(), "no smoke block in the manifest"));
            } else if (ggufs.isEmpty()) {
                skipped.add(new Skip(m.id(), "no GGUF weights: smoke inference runs GGUF models"));
            } else if (ggufs.get(0).size() > maxBytes) {
                skipped.add(new Skip(m.id(), "smallest GGUF is " + HumanUnits.formatBytes(ggufs.get(0).size()) + ", above --max-size"));
            } else {
                List<ModelManifest.Artifact> chosen = allVariants ? ggufs.stream().filter(a -> a.size() <= maxBytes).toList() : List.of(ggufs.get(0));
                items.add(new Item(entry, chosen));
            }
        }
        return new Plan(shard.select(items), skipped);
    }
}
