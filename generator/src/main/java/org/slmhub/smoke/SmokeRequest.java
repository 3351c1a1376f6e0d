package org.slmhub.smoke;

import java.nio.file.Path;

/**
 * One smoke run: load {@code model}, continue {@code prompt}, and optionally answer one chat turn.
 *
 * @param model         the GGUF file; made absolute, because the worker runs in another folder
 * @param prompt        text to continue, as is (no template)
 * @param maxTokens     tokens to generate at most
 * @param temperature   0 samples greedily, which makes the text repeatable
 * @param seed          sampler seed, which matters only above temperature 0
 * @param contextSize   llama.cpp's context; bounded, because its KV cache is allocated up front
 * @param threads       llama.cpp's threads; runs compared with each other must use the same count,
 *                      since it changes the order of float sums and so, rarely, a greedy choice
 * @param chatTurn      also answer {@code chatPrompt} through the model's chat template; skipped,
 *                      leaving {@link SmokeOutcome#chat()} null, when the GGUF has no
 *                      {@code tokenizer.chat_template} (llama.cpp would silently use ChatML)
 * @param chatPrompt    the user message of the chat turn; empty when there is none
 * @param chatMaxTokens tokens to generate at most for the chat answer
 * @param limits        timeouts and heap of the worker JVM
 */
public record SmokeRequest(Path model, String prompt, int maxTokens, float temperature, int seed, int contextSize,
        int threads, boolean chatTurn, String chatPrompt, int chatMaxTokens, SmokeLimits limits) {
    public static final int MAX_CONTEXT = 8192;
    public static final int DEFAULT_CONTEXT = 512;
    public static final int DEFAULT_SEED = 42;

    public SmokeRequest {
        if (model == null || prompt == null || chatPrompt == null || limits == null) {
            throw new IllegalArgumentException("model, prompt, chatPrompt and limits are required");
        }
        model = model.toAbsolutePath().normalize();
        if (contextSize < 16 || contextSize > MAX_CONTEXT) {
            throw new IllegalArgumentException("context size must be 16 to " + MAX_CONTEXT + ", got " + contextSize);
        }
        checkTokens("maxTokens", maxTokens, contextSize);
        if (chatTurn) {
            checkTokens("chatMaxTokens", chatMaxTokens, contextSize);
        }
        if (!(temperature >= 0) || threads < 1) {
            throw new IllegalArgumentException("temperature must be >= 0 and threads >= 1, got " + temperature + " and " + threads);
        }
    }

    /** Greedy continuation of {@code prompt} in a 512-token context, no chat turn, default limits. */
    public static SmokeRequest greedy(Path model, String prompt, int maxTokens) {
        int threads = Math.min(4, Runtime.getRuntime().availableProcessors());
        return new SmokeRequest(model, prompt, maxTokens, 0f, DEFAULT_SEED, DEFAULT_CONTEXT, threads,
                false, "", 0, SmokeLimits.DEFAULT);
    }

    public SmokeRequest withChat(String userMessage, int maxAnswerTokens) {
        return new SmokeRequest(model, prompt, maxTokens, temperature, seed, contextSize, threads,
                true, userMessage, maxAnswerTokens, limits);
    }

    public SmokeRequest withThreads(int count) {
        return new SmokeRequest(model, prompt, maxTokens, temperature, seed, contextSize, count,
                chatTurn, chatPrompt, chatMaxTokens, limits);
    }

    public SmokeRequest withLimits(SmokeLimits newLimits) {
        return new SmokeRequest(model, prompt, maxTokens, temperature, seed, contextSize, threads,
                chatTurn, chatPrompt, chatMaxTokens, newLimits);
    }

    private static void checkTokens(String name, int tokens, int contextSize) {
        if (tokens < 1 || tokens >= contextSize) {
            throw new IllegalArgumentException(name + " must be 1 to " + (contextSize - 1)
                    + " (below the context size), got " + tokens);
        }
    }
}
