package org.slmhub.smoke;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.slmhub.catalog.CatalogEntry;
import org.slmhub.catalog.HumanUnits;
import org.slmhub.catalog.ModelManifest;

/**
 * Which models and artifacts a smoke run covers: models with a {@code smoke} block and weights an
 * engine runs (GGUF for text models, ONNX for embedding models), filtered by id and by change, split
 * into shards, each with its smallest weights file (or all).
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

    /** A model left out, and why (no smoke block, no weights the engines run). */
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
     * @param allVariants every runnable weights file instead of the smallest
     */
    public static Plan of(List<CatalogEntry> entries, Set<String> onlyIds, Shard shard, boolean allVariants) {
        return of(entries, onlyIds, shard, allVariants, Long.MAX_VALUE);
    }

    /** @param maxBytes leave out models whose smallest runnable file is larger (a site build smokes what it can download quickly) */
    public static Plan of(List<CatalogEntry> entries, Set<String> onlyIds, Shard shard, boolean allVariants, long maxBytes) {
        List<Item> items = new ArrayList<>();
        List<Skip> skipped = new ArrayList<>();
        List<CatalogEntry> sorted = entries.stream()
                .filter(e -> onlyIds == null || onlyIds.contains(e.manifest().id()))
                .sorted(Comparator.comparing(e -> e.manifest().id()))
                .toList();
        for (CatalogEntry entry : sorted) {
            ModelManifest m = entry.manifest();
            String format = m.embeds() ? "onnx" : "gguf";
            String kind = format.toUpperCase(Locale.ROOT);
            List<ModelManifest.Artifact> runnable = m.weights().stream()
                    .filter(a -> a.format().equals(format))
                    .sorted(Comparator.comparingLong(ModelManifest.Artifact::size).thenComparing(ModelManifest.Artifact::file))
                    .toList();
            if (m.smoke() == null) {
                skipped.add(new Skip(m.id(), "no smoke block in the manifest"));
            } else if (runnable.isEmpty()) {
                skipped.add(new Skip(m.id(), m.embeds() ? "no ONNX weights: embedding models are smoked as ONNX with their tokenizer"
                        : "no GGUF weights: smoke inference runs GGUF models"));
            } else if (runnable.get(0).size() > maxBytes) {
                skipped.add(new Skip(m.id(), "smallest " + kind + " is " + HumanUnits.formatBytes(runnable.get(0).size()) + ", above --max-size"));
            } else {
                List<ModelManifest.Artifact> chosen = allVariants ? runnable.stream().filter(a -> a.size() <= maxBytes).toList() : List.of(runnable.get(0));
                items.add(new Item(entry, chosen));
            }
        }
        return new Plan(shard.select(items), skipped);
    }
}
