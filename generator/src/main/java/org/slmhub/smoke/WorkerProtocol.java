package org.slmhub.smoke;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

/**
 * What {@link ForkedEngine} and {@link WorkerMain} say to each other. The request goes to the
 * worker's stdin as JSON; the worker answers on stdout with marked lines, because llama.cpp and
 * the binding's loader print to stdout too, and the marker is searched anywhere in a line because
 * native output without a newline may precede it.
 */
final class WorkerProtocol {
    /** Followed by the load time in ms, once the weights are loaded: the load phase is over. */
    static final String LOADED = "SLMHUB-LOADED ";
    /** Followed by the worker's result ({@link SmokeOutcome}, {@link EmbeddingOutcome}) as one line of JSON. */
    static final String RESULT = "SLMHUB-RESULT ";
    /**
     * Test-only: {@code load:<ms>} makes the worker sleep before loading, {@code generate:<ms>}
     * after reporting the load (an embedding worker: before embedding), so tests can reach each
     * timeout and kill a worker mid-run.
     */
    static final String TEST_PAUSE_ENV = "SLMHUB_SMOKE_TEST_PAUSE";

    /** Unknown keys are errors: a worker from another build must not be half understood. */
    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .build();

    private WorkerProtocol() {
    }

    static String toJson(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write " + value.getClass().getSimpleName() + " as JSON", e);
        }
    }

    static <T> T fromJson(String json, Class<T> type) throws JsonProcessingException {
        return JSON.readValue(json, type);
    }

    /** The text after {@code marker} when {@code line} contains it, else null. */
    static String after(String marker, String line) {
        int at = line.indexOf(marker);
        return at < 0 ? null : line.substring(at + marker.length()).strip();
    }
}
