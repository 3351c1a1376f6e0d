package org.slmhub.smoke;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

/** `slmhub smoke --record` on an embedding model edits only smoke.values, keeping everything else as written. */
class ValuesRecorderTest {
    private static final String MANIFEST = """
            id: acme/embed # a comment stays
            smoke:
              closer:
                - anchor: A cat sits on the mat
                  nearer: A kitten rests on a rug
                  farther: Stock markets fell today
            # after the smoke block
            links:
              homepage: https://example.org
            """;

    @Test
    void addsTheValuesAtTheEndOfTheSmokeBlock() throws Exception {
        String updated = ValuesRecorder.withValues(MANIFEST, "A cat sits on the mat", List.of(0.0123, -0.5, 1e-4), 0.001);
        assertEquals("""
                id: acme/embed # a comment stays
                smoke:
                  closer:
                    - anchor: A cat sits on the mat
                      nearer: A kitten rests on a rug
                      farther: Stock markets fell today
                  values:
                    sentence: "A cat sits on the mat"
                    first: [0.0123, -0.5, 0.0001]
                    tolerance: 0.001
                # after the smoke block
                links:
                  homepage: https://example.org
                """, updated);
    }

    @Test
    void replacesValuesRecordedBefore() throws Exception {
        String once = ValuesRecorder.withValues(MANIFEST, "A cat sits on the mat", List.of(0.1, 0.2), 0.001);
        String twice = ValuesRecorder.withValues(once, "A kitten rests on a rug", List.of(0.3), 0.01);
        assertEquals(ValuesRecorder.withValues(MANIFEST, "A kitten rests on a rug", List.of(0.3), 0.01), twice);
    }

    @Test
    void refusesASmokeBlockItCannotEditSafely() {
        var e = assertThrows(ExpectRecorder.RecordException.class,
                () -> ValuesRecorder.withValues("id: acme/embed\nsmoke: {closer: [{anchor: a, nearer: b, farther: c}]}\n", "a", List.of(0.1), 0.001));
        assertEquals("the manifest has no smoke block with `closer` written in block style to record into", e.getMessage());
    }

    @Test
    void numbersAreWrittenSoYamlReadsThemAsNumbers() {
        assertEquals("0.0001", ValuesRecorder.number(1e-4));
        assertEquals("-12.0", ValuesRecorder.number(-12));
        assertEquals("0.123", ValuesRecorder.number(0.1230));
    }
}
