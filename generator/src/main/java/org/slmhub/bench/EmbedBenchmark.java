package org.slmhub.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.slmhub.smoke.EmbeddingOutcome;
import org.slmhub.smoke.EmbeddingRequest;
import org.slmhub.smoke.ForkedEmbedder;

/**
 * Times the embedding engine: a whole forked smoke run as its caller waits for it (3 sentences),
 * and the embedding speed of a worker given many sentences. Each method runs once and returns
 * what it measured; the caller repeats, prints and takes medians.
 */
public final class EmbedBenchmark {
    /** What a manifest's closer triple would embed. */
    public static final List<String> SMOKE_SENTENCES = List.of("A cat sits on the mat", "A kitten rests on a rug", "Stock markets fell today");
    private static final String[] SUBJECTS = {"The old fisherman", "A small child", "Our neighbour's dog", "The committee",
        "A tired student", "The orchestra", "My grandmother", "The new software release"};
    private static final String[] PREDICATES = {"walked slowly along the quiet beach at sunset", "laughed", "found a key",
        "argued for hours about the budget and the schedule of the coming year", "fixed the bug", "baked bread",
        "played a symphony that nobody in the hall had ever heard before", "crashed on startup"};

    private final ForkedEmbedder worker = new ForkedEmbedder();

    /** One forked run and the wall time around it: JVM start, load, embedding and the worker's exit. */
    public record Timed(long wallMillis, EmbeddingOutcome outcome) {
    }

    public Timed forkLoadEmbed(Path model, Path tokenizer) {
        return timed(EmbeddingRequest.of(model, tokenizer, SMOKE_SENTENCES));
    }

    /** {@code count} distinct sentences of 2 to 20 words in one worker; its embedding time is the figure. */
    public Timed many(Path model, Path tokenizer, int count) {
        return timed(EmbeddingRequest.of(model, tokenizer, sentences(count)));
    }

    /** Distinct sentences, the same on every call, of varied lengths as real input has. */
    public static List<String> sentences(int count) {
        List<String> sentences = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            sentences.add(SUBJECTS[i % SUBJECTS.length] + " " + PREDICATES[(i * 3 + i / SUBJECTS.length) % PREDICATES.length] + ".");
        }
        return sentences;
    }

    private Timed timed(EmbeddingRequest request) {
        long start = System.nanoTime();
        EmbeddingOutcome outcome = worker.run(request);
        return new Timed((System.nanoTime() - start) / 1_000_000, outcome);
    }
}
