package org.slmhub.smoke;

import java.util.Optional;

/**
 * What one smoke run did. Failures carry only what was known when they happened: a timed-out
 * run has its load time if the model had loaded, and its peak memory as last sampled.
 *
 * @param status           what happened; see {@link SmokeStatus}
 * @param text             the continuation of the prompt; empty unless COMPLETED
 * @param tokenCount       tokens generated, counting a final end-of-sequence token as
 *                         llama.cpp's {@code tokens_predicted} does
 * @param stoppedByItself  generation ended before {@code maxTokens}: the model produced its
 *                         end-of-sequence token (or another end-of-generation token)
 * @param immediateEos     the first token was end-of-sequence, so the model produced no text: a
 *                         model that loads but cannot continue a prompt
 * @param chat             the chat-turn answer; null when none was asked for or the GGUF has no template
 * @param loadMillis       time to load the weights (in a worker: library extraction included, JVM start not)
 * @param generationMillis time to generate the continuation (prompt evaluation included, chat turn not)
 * @param tokensPerSecond  {@code tokenCount} over the generation time
 * @param peakRssBytes     peak resident memory (VmHWM) of the process that ran the model; 0 if unknown
 * @param engine           what ran the model, e.g. "llama.cpp via de.kherud:llama 4.2.0"
 * @param reason           one line saying why the run failed; empty when COMPLETED
 */
public record SmokeOutcome(SmokeStatus status, String text, int tokenCount, boolean stoppedByItself, boolean immediateEos,
        ChatAnswer chat, long loadMillis, long generationMillis, double tokensPerSecond, long peakRssBytes,
        String engine, String reason) implements WorkerResult<SmokeOutcome> {

    public SmokeOutcome {
        if (status == null || text == null || engine == null || reason == null) {
            throw new IllegalArgumentException("status, text, engine and reason must not be null");
        }
        reason = reason.strip().replaceAll("\\s*\\R\\s*", " ");
    }

    /** A run that ended without generating: the status and the reason, plus what was measured so far. */
    static SmokeOutcome failed(SmokeStatus status, String reason, long loadMillis, long peakRssBytes) {
        return new SmokeOutcome(status, "", 0, false, false, null, loadMillis, 0, 0, peakRssBytes,
                EngineVersion.DESCRIPTION, reason);
    }

    public Optional<ChatAnswer> chatAnswer() {
        return Optional.ofNullable(chat);
    }

    @Override
    public SmokeOutcome withPeakRssBytes(long bytes) {
        return new SmokeOutcome(status, text, tokenCount, stoppedByItself, immediateEos, chat, loadMillis,
                generationMillis, tokensPerSecond, bytes, engine, reason);
    }

    @Override
    public SmokeOutcome withReason(String newReason) {
        return new SmokeOutcome(status, text, tokenCount, stoppedByItself, immediateEos, chat, loadMillis,
                generationMillis, tokensPerSecond, peakRssBytes, engine, newReason);
    }
}
