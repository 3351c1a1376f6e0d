package org.slmhub.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.slmhub.catalog.ModelManifest;
import org.slmhub.index.CatalogIndexer;
import org.slmhub.index.IndexException;
import org.slmhub.index.IndexInputs;
import org.slmhub.index.ModelFacet;
import org.slmhub.index.ModelIndex;
import org.slmhub.index.ModelNumber;
import org.slmhub.index.SearchRequest;
import org.slmhub.index.SortOrder;

/**
 * Times the index stage over synthetic models: building with {@link CatalogIndexer} (the code path
 * of {@code slmhub index}), and a fixed mix of 200 searches in this process.
 */
public final class IndexBenchmark {
    private IndexBenchmark() {
    }

    public record Build(int models, long millis, long bytes) {
    }

    /** Latency percentiles in milliseconds over every timed search of one kind. */
    public record Latency(String kind, int searches, double p50, double p90, double p99, double max) {
    }

    /** One query of the mix, and the kind it is reported under. */
    public record Query(String kind, SearchRequest request) {
    }

    public static Build build(Path dir, List<ModelManifest> models, IndexInputs inputs) throws IOException, IndexException {
        long t0 = System.nanoTime();
        CatalogIndexer.Summary summary = CatalogIndexer.write(dir, models, inputs);
        return new Build(summary.models(), (System.nanoTime() - t0) / 1_000_000, summary.bytes());
    }

    /**
     * 200 searches over a synthetic catalog of {@code models}: words, names, prefixes and typos;
     * words with filters and ranges; filters alone with sorts; facets; Lucene syntax.
     */
    public static List<Query> mix(int models, long seed) {
        Random r = new Random(seed);
        String[] words = SyntheticCatalog.WORDS;
        List<Query> mix = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            String word = words[r.nextInt(words.length)];
            String arch = SyntheticCatalog.ARCHS[r.nextInt(SyntheticCatalog.ARCHS.length)];
            mix.add(switch (i % 10) {
                case 0 -> text(word);
                case 1 -> text(word + " " + words[r.nextInt(words.length)]);
                case 2 -> text(word + "-" + r.nextInt(models)); // a model's name
                case 3 -> text(word.substring(0, Math.min(word.length(), 3 + r.nextInt(2)))); // a prefix
                case 4 -> text(typo(word, r));
                case 5 -> new Query("filters", SearchRequest.builder(word).filter(ModelFacet.LICENSE, "mit").filter(ModelFacet.ARCH, arch).build());
                case 6 -> new Query("filters", SearchRequest.builder("").filter(ModelFacet.QUANT, "Q4_K_M")
                        .range(ModelNumber.PARAMS, null, 1_000_000_000L).sort(SortOrder.PARAMS).build());
                case 7 -> new Query("filters", SearchRequest.builder(word).range(ModelNumber.CONTEXT, 8_000L, null)
                        .range(ModelNumber.SIZE, null, 1_000_000_000L).sort(i % 20 == 7 ? SortOrder.NEWEST : SortOrder.RELEVANCE).build());
                case 8 -> new Query("facets", SearchRequest.builder(word).facets(true).build());
                default -> i % 20 == 9
                        ? new Query("facets", SearchRequest.builder("").filter(ModelFacet.LANG, "fr").facets(true).build())
                        : new Query("filters", SearchRequest.builder("license:mit AND arch:" + arch + " AND params:[100M TO 1B]").build());
            });
        }
        return mix;
    }

    /** Runs the mix {@code warmup} times untimed, then {@code rounds} times timed; one Latency per kind, then "all". */
    public static List<Latency> latency(ModelIndex index, List<Query> mix, int warmup, int rounds) throws IndexException {
        for (int i = 0; i < warmup; i++) {
            for (Query q : mix) {
                index.search(q.request());
            }
        }
        List<String> kinds = List.of("text", "filters", "facets", "all");
        List<List<Long>> nanos = new ArrayList<>();
        kinds.forEach(k -> nanos.add(new ArrayList<>()));
        for (int i = 0; i < rounds; i++) {
            for (Query q : mix) {
                long t0 = System.nanoTime();
                index.search(q.request());
                long took = System.nanoTime() - t0;
                nanos.get(kinds.indexOf(q.kind())).add(took);
                nanos.get(kinds.size() - 1).add(took);
            }
        }
        List<Latency> result = new ArrayList<>();
        for (int k = 0; k < kinds.size(); k++) {
            result.add(percentiles(kinds.get(k), nanos.get(k)));
        }
        return result;
    }

    private static Query text(String text) {
        return new Query("text", SearchRequest.builder(text).build());
    }

    /** Two neighbouring letters swapped: what fast typing does. */
    private static String typo(String word, Random r) {
        if (word.length() < 4) {
            return word + word.charAt(word.length() - 1);
        }
        int at = 1 + r.nextInt(word.length() - 2);
        char[] c = word.toCharArray();
        char t = c[at];
        c[at] = c[at + 1];
        c[at + 1] = t;
        return new String(c);
    }

    private static Latency percentiles(String kind, List<Long> nanos) {
        long[] sorted = nanos.stream().mapToLong(Long::longValue).sorted().toArray();
        return new Latency(kind, sorted.length, at(sorted, 0.50), at(sorted, 0.90), at(sorted, 0.99), at(sorted, 1.0));
    }

    private static double at(long[] sorted, double quantile) {
        if (sorted.length == 0) {
            return 0;
        }
        int i = (int) Math.ceil(quantile * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, i))] / 1e6;
    }

    /** The CLI queries for the whole-command figure: a word, a name with filters, and facets. */
    public static List<List<String>> commandQueries() {
        return Arrays.asList(List.of("chat"), List.of("story", "--license", "mit", "--max-params", "1B"), List.of("tiny", "--facets"));
    }
}
