package org.slmhub.gguf;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Text quoted from a GGUF header cannot break a finding over lines, whatever the file holds. */
class GgufFormatExceptionTest {
    @Test
    void separatorsControlsAndLoneSurrogatesAreEscaped() {
        assertEquals("'a\\u2028b\\u2029c\\u000ad\\ud800e'", GgufFormatException.quote("a\u2028b\u2029c\nd\ud800e"));
        assertEquals("'llama 漢字'", GgufFormatException.quote("llama 漢字"));
    }
}
