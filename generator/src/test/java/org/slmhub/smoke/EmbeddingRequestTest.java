package org.slmhub.smoke;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class EmbeddingRequestTest {
    private static final Path MODEL = Path.of("model.onnx");
    private static final Path TOKENIZER = Path.of("tokenizer.json");

    private static String rejected(Runnable construction) {
        return assertThrows(IllegalArgumentException.class, construction::run).getMessage();
    }

    @Test
    void pathsAreMadeAbsoluteAndDefaultsApply() {
        EmbeddingRequest request = EmbeddingRequest.of(MODEL, TOKENIZER, List.of("Hello"));

        assertTrue(request.model().isAbsolute() && request.tokenizer().isAbsolute(), request.toString());
        assertEquals(EmbeddingRequest.MEAN, request.pooling());
        assertTrue(request.normalize());
        assertEquals(EmbeddingRequest.DEFAULT_SEQUENCE_LENGTH, request.maxSequenceLength());
    }

    @Test
    void badArgumentsAreRejectedWithTheirValue() {
        EmbeddingRequest ok = EmbeddingRequest.of(MODEL, TOKENIZER, List.of("Hello"));

        assertEquals("1 to 64 sentences, got 0", rejected(() -> ok.withSentences(List.of())));
        assertEquals("1 to 64 sentences, got 65", rejected(() -> ok.withSentences(Collections.nCopies(65, "Hello"))));
        assertEquals("sentences must not be empty, got [Hello,  ]", rejected(() -> ok.withSentences(List.of("Hello", " "))));
        assertEquals("pooling must be mean or cls, got max", rejected(() -> ok.withPooling("max", true)));
        assertEquals("max sequence length must be 2 to 8192 tokens, got 1", rejected(() -> ok.withMaxSequenceLength(1)));
        assertEquals("threads must be at least 1, got 0", rejected(() -> ok.withThreads(0)));
    }

    @Test
    void requestSurvivesTheWorkerProtocol() throws Exception {
        EmbeddingRequest request = EmbeddingRequest.of(MODEL, TOKENIZER, List.of("A cat", "A dog")).withPooling(EmbeddingRequest.CLS, false);

        assertEquals(request, WorkerProtocol.fromJson(WorkerProtocol.toJson(request), EmbeddingRequest.class));
    }
}
