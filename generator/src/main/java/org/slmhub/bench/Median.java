package org.slmhub.bench;

import java.util.Collection;

/** The middle of a set of measurements: unlike the mean, one run disturbed by the shared machine does not move it. */
public final class Median {
    private Median() {
    }

    /** The middle value, or the mean of the two middle ones; 0 for no values. */
    public static double of(Collection<? extends Number> values) {
        double[] sorted = values.stream().mapToDouble(Number::doubleValue).sorted().toArray();
        if (sorted.length == 0) {
            return 0;
        }
        int mid = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }
}
