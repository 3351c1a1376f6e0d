package org.slmhub.smoke;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.slmhub.smoke.EmbeddingExpectations.Closer;
import org.slmhub.smoke.EmbeddingExpectations.RecordedValues;

/** The expectations on hand-made vectors: no model needed. */
class EmbeddingExpectationsTest {
    private static final String CAT = "A cat sits on the mat";
    private static final String KITTEN = "A kitten rests on a rug";
    private static final String STOCKS = "Stock markets fell today, the biggest drop this year";
    private static final Closer TRIPLE = new Closer(CAT, KITTEN, STOCKS);

    /** cos(cat, kitten) = 0.8, cos(cat, stocks) = 0. */
    private static final Map<String, float[]> MEANINGFUL = Map.of(
            CAT, new float[] {1, 0, 0},
            KITTEN, new float[] {0.8f, 0.6f, 0},
            STOCKS, new float[] {0, 0, 1});

    @Test
    void sentencesAreDistinctInAStableOrder() {
        List<RecordedValues> recorded = List.of(new RecordedValues(KITTEN, List.of(0.1), 0.001), new RecordedValues("Hello", List.of(0.1), 0.001));

        assertEquals(List.of(CAT, KITTEN, STOCKS, "Hello"), EmbeddingExpectations.sentencesFor(List.of(TRIPLE, new Closer(STOCKS, CAT, KITTEN)), recorded));
    }

    @Test
    void meaningfulVectorsPassAndReportTheirCosines() {
        EmbeddingExpectations expectations = new EmbeddingExpectations(3, List.of(TRIPLE),
                List.of(new RecordedValues(KITTEN, List.of(0.8005, 0.5995), 0.001)));

        EmbeddingExpectations.Check check = expectations.check(3, MEANINGFUL);

        assertTrue(check.passed(), check.failures().toString());
        assertEquals(1, check.cosines().size());
        assertEquals(0.8, check.cosines().get(0).nearerCosine(), 1e-6);
        assertEquals(0.0, check.cosines().get(0).fartherCosine(), 1e-6);
        assertTrue(check.cosines().get(0).holds());
    }

    @Test
    void everyFailureIsOneLineOfItsOwn() {
        EmbeddingExpectations expectations = new EmbeddingExpectations(768, List.of(new Closer(CAT, STOCKS, KITTEN)),
                List.of(new RecordedValues(CAT, List.of(1.0, 0.25, 0.0), 0.001)));

        EmbeddingExpectations.Check check = expectations.check(3, MEANINGFUL);

        assertFalse(check.passed());
        assertEquals(List.of(
                "dimension: manifest says 768, the model returned 3",
                "closer: cos(\"A cat sits on the mat\", \"Stock markets fell today…\") = 0.0000 is not above"
                        + " cos(\"A cat sits on the mat\", \"A kitten rests on a rug\") = 0.8000",
                "values of \"A cat sits on the mat\": index 1 expected 0.25, got 0.0000 (tolerance 0.001)"),
                check.failures());
        assertFalse(check.cosines().get(0).holds());
    }

    @Test
    void equalCosinesAreNotCloser() {
        Map<String, float[]> same = Map.of(CAT, new float[] {1, 0}, KITTEN, new float[] {0, 1}, STOCKS, new float[] {0, 1});

        EmbeddingExpectations.Check check = new EmbeddingExpectations(2, List.of(TRIPLE), List.of()).check(2, same);

        assertEquals(1, check.failures().size(), check.failures().toString());
        assertTrue(check.failures().get(0).startsWith("closer: "), check.failures().get(0));
    }

    @Test
    void moreRecordedValuesThanTheVectorHasIsAFailure() {
        EmbeddingExpectations expectations = new EmbeddingExpectations(3, List.of(),
                List.of(new RecordedValues(STOCKS, List.of(0.0, 0.0, 1.0, 0.0), 0.001)));

        assertEquals(List.of("values of \"Stock markets fell today…\": 4 recorded, but the vector has only 3"),
                expectations.check(3, MEANINGFUL).failures());
    }

    @Test
    void valueJustInsideTheToleranceMatchesAndJustOutsideDoesNot() {
        Map<String, float[]> one = Map.of(CAT, new float[] {0.5f});

        assertTrue(new EmbeddingExpectations(1, List.of(), List.of(new RecordedValues(CAT, List.of(0.5009), 0.001)))
                .check(1, one).passed());
        assertEquals(List.of("values of \"A cat sits on the mat\": index 0 expected 0.5011, got 0.5000 (tolerance 0.001)"),
                new EmbeddingExpectations(1, List.of(), List.of(new RecordedValues(CAT, List.of(0.5011), 0.001))).check(1, one).failures());
    }

    @Test
    void recordKeepsTheFirstEightValuesToFourDecimals() {
        float[] vector = {0.123456f, -0.98765f, 0.00004f, 0.00005f, 1f, -1f, 0.33333f, 0.5f, 0.7f, 0.9f};

        RecordedValues recorded = EmbeddingExpectations.record(CAT, vector);

        assertEquals(CAT, recorded.sentence());
        assertEquals(List.of(0.1235, -0.9877, 0.0, 0.0001, 1.0, -1.0, 0.3333, 0.5), recorded.values());
        assertEquals(0.001, recorded.tolerance());
        assertTrue(new EmbeddingExpectations(10, List.of(), List.of(recorded)).check(10, Map.of(CAT, vector)).passed(),
                "a recording matches the vector it was recorded from");
    }

    @Test
    void aCompletedRunIsCheckedInTheOrderOfItsSentences() {
        EmbeddingExpectations expectations = new EmbeddingExpectations(3, List.of(TRIPLE), List.of());
        List<String> sentences = expectations.sentences();
        EmbeddingOutcome outcome = new EmbeddingOutcome(SmokeStatus.COMPLETED, "", 3,
                sentences.stream().map(MEANINGFUL::get).toList(), 1, 1, 3, 0, "test");

        assertTrue(expectations.check(sentences, outcome).passed());
        assertThrows(IllegalArgumentException.class, () -> expectations.check(sentences,
                EmbeddingOutcome.failed(SmokeStatus.LOAD_FAILED, "broken", 0, 0)));
    }

    @Test
    void missingVectorIsTheCallersError() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new EmbeddingExpectations(3, List.of(TRIPLE), List.of()).check(3, Map.of(CAT, new float[3])));
        assertEquals("no vector for \"A kitten rests on a rug\": embed sentences() first", e.getMessage());
    }
}
