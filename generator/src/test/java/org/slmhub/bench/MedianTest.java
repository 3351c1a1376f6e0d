package org.slmhub.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class MedianTest {
    @Test
    void middleValueOfAnOddCountAndMeanOfTheMiddleTwoOfAnEvenCount() {
        assertEquals(3, Median.of(List.of(9, 1, 3)));
        assertEquals(2.5, Median.of(List.of(4.0, 1.0, 2.0, 3.0)));
        assertEquals(0, Median.of(List.of()));
    }
}
