package org.slmhub.smoke;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Real llama.cpp in a worker JVM, on tiny random-weight models the test writes. */
class ForkedEngineTest {
    private static final int TOKENS = 16;

    @TempDir
    static Path dir;
    private static Path tiny;
    private static Path tinyChat;

    @BeforeAll
    static void writeModels() throws Exception {
        tiny = TinyLlama.write(dir.resolve("tiny.gguf"));
        tinyChat = TinyLlama.write(dir.resolve("tiny-chat.gguf"), 2, TinyLlama.CHATML);
    }

    /** Two threads everywhere: runs compared token for token must sum floats in the same order. */
    private static SmokeRequest request(Path model) {
        return SmokeRequest.greedy(model, "Once upon a time", TOKENS).withThreads(2);
    }

    @Test
    void workerGeneratesTheSameTextTwiceAndInProcessAgrees() {
        SmokeRequest request = request(tiny).withChat("Hello", 8);
        ForkedEngine engine = new ForkedEngine();

        SmokeOutcome first = engine.run(request);
        SmokeOutcome second = engine.run(request);
        SmokeOutcome inProcess = new InProcessEngine().run(request);

        assertEquals(SmokeStatus.COMPLETED, first.status(), first.reason());
        assertTrue(first.tokenCount() == TOKENS || first.stoppedByItself(), "16 tokens or an early end: " + first);
        assertFalse(first.text().isEmpty(), "random weights still write something");
        assertEquals(first.text(), second.text(), "greedy decoding repeats across worker JVMs");
        assertEquals(first.tokenCount(), second.tokenCount());
        assertEquals(SmokeStatus.COMPLETED, inProcess.status(), inProcess.reason());
        assertEquals(first.text(), inProcess.text(), "the worker and this JVM run the same code path");
        assertNull(first.chat(), "no chat turn without tokenizer.chat_template, although one was asked for");
        assertEquals("", first.reason());
        assertTrue(first.engine().startsWith("llama.cpp via de.kherud:llama 4."), first.engine());
        assertTrue(first.loadMillis() > 0 && first.tokensPerSecond() > 0, first.toString());
        assertTrue(first.peakRssBytes() > 10L << 20, "a JVM with llama.cpp loaded uses more than 10 MB: " + first.peakRssBytes());
    }

    @Test
    void chatTemplateGivesAChatAnswer() {
        SmokeOutcome outcome = new ForkedEngine().run(request(tinyChat).withChat("Hello there", 8));

        assertEquals(SmokeStatus.COMPLETED, outcome.status(), outcome.reason());
        ChatAnswer answer = outcome.chat();
        assertNotNull(answer, "the GGUF has a chat template");
        assertTrue(answer.tokenCount() >= 1 && answer.tokenCount() <= 8, answer.toString());
        assertTrue(answer.tokenCount() == 8 || answer.stoppedByItself(), answer.toString());
        assertFalse(outcome.text().isEmpty());
    }
}
