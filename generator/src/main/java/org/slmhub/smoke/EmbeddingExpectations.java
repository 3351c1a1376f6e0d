package org.slmhub.smoke;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * What a manifest expects of an embedding model, checked on the vectors it returned: the declared
 * dimension, sentences that must be nearer each other than a third (cosine similarity), and values
 * recorded from an earlier run ({@code slmhub smoke --record}).
 *
 * @param dimension the length the manifest declares
 * @param closer    triples whose anchor must be nearer the second sentence than the third
 * @param recorded  first values of a sentence's vector, each to match within its tolerance
 */
public record EmbeddingExpectations(int dimension, List<Closer> closer, List<RecordedValues> recorded) {
    public static final String DIMENSION_MISMATCH = "dimension: manifest says %d, the model returned %d";
    public static final String NOT_CLOSER = "closer: cos(%s, %s) = %.4f is not above cos(%s, %s) = %.4f";
    public static final String VALUE_MISMATCH = "values of %s: index %d expected %s, got %.4f (tolerance %s)";
    public static final String TOO_MANY_VALUES = "values of %s: %d recorded, but the vector has only %d";
    /** How many values {@link #record} keeps, and their decimals. */
    public static final int RECORDED_VALUES = 8;
    public static final int RECORDED_DECIMALS = 4;
    public static final double DEFAULT_TOLERANCE = 0.001;
    /** Sentences are quoted in failures up to this many characters. */
    static final int QUOTED_LENGTH = 24;

    /** cos(anchor, nearer) must exceed cos(anchor, farther). */
    public record Closer(String anchor, String nearer, String farther) {
        public Closer {
            if (anchor == null || nearer == null || farther == null) {
                throw new IllegalArgumentException("a closer triple needs three sentences");
            }
        }
    }

    /** The first {@code values.size()} values of {@code sentence}'s vector, each within {@code tolerance}. */
    public record RecordedValues(String sentence, List<Double> values, double tolerance) {
        public RecordedValues {
            if (sentence == null || values == null || values.isEmpty() || !(tolerance >= 0)) {
                throw new IllegalArgumentException("recorded values need a sentence, at least one value and a tolerance >= 0");
            }
            values = List.copyOf(values);
        }
    }

    /** The two cosines compared for one triple. */
    public record MeasuredCloser(Closer triple, double nearerCosine, double fartherCosine) {
        public boolean holds() {
            return nearerCosine > fartherCosine;
        }
    }

    /** Every failed expectation as one line (empty: all passed), and the cosines measured. */
    public record Check(List<String> failures, List<MeasuredCloser> cosines) {
        public boolean passed() {
            return failures.isEmpty();
        }
    }

    public EmbeddingExpectations {
        if (dimension < 1 || closer == null || recorded == null) {
            throw new IllegalArgumentException("a dimension of at least 1 and lists of closer triples and recorded values are required");
        }
        closer = List.copyOf(closer);
        recorded = List.copyOf(recorded);
    }

    /** The distinct sentences to embed, in a stable order: the triples' in order, then the recorded ones. */
    public static List<String> sentencesFor(List<Closer> closer, List<RecordedValues> recorded) {
        Set<String> sentences = new LinkedHashSet<>();
        for (Closer triple : closer) {
            sentences.add(triple.anchor());
            sentences.add(triple.nearer());
            sentences.add(triple.farther());
        }
        recorded.forEach(values -> sentences.add(values.sentence()));
        return List.copyOf(sentences);
    }

    public List<String> sentences() {
        return sentencesFor(closer, recorded);
    }

    /** Checks a completed run of {@link #sentences()} (in that order, as {@code sentences}). */
    public Check check(List<String> sentences, EmbeddingOutcome outcome) {
        if (!outcome.completed() || sentences.size() != outcome.vectors().size()) {
            throw new IllegalArgumentException("a completed run with one vector per sentence is needed, got " + outcome.status()
                    + " with " + outcome.vectors().size() + " vectors for " + sentences.size() + " sentences");
        }
        Map<String, float[]> vectors = new HashMap<>();
        for (int i = 0; i < sentences.size(); i++) {
            vectors.put(sentences.get(i), outcome.vectors().get(i));
        }
        return check(outcome.dimension(), vectors);
    }

    /**
     * Checks the vectors the model returned for {@link #sentences()}.
     *
     * @param returned the length of the model's vectors
     * @param vectors  each sentence's vector; a missing one is a caller's error
     */
    public Check check(int returned, Map<String, float[]> vectors) {
        List<String> failures = new ArrayList<>();
        List<MeasuredCloser> cosines = new ArrayList<>();
        if (returned != dimension) {
            failures.add(String.format(Locale.ROOT, DIMENSION_MISMATCH, dimension, returned));
        }
        for (Closer triple : closer) {
            float[] anchor = vectorOf(vectors, triple.anchor());
            MeasuredCloser measured = new MeasuredCloser(triple, cosine(anchor, vectorOf(vectors, triple.nearer())),
                    cosine(anchor, vectorOf(vectors, triple.farther())));
            cosines.add(measured);
            if (!measured.holds()) {
                failures.add(String.format(Locale.ROOT, NOT_CLOSER, quote(triple.anchor()), quote(triple.nearer()),
                        measured.nearerCosine(), quote(triple.anchor()), quote(triple.farther()), measured.fartherCosine()));
            }
        }
        for (RecordedValues values : recorded) {
            checkValues(values, vectorOf(vectors, values.sentence()), failures);
        }
        return new Check(List.copyOf(failures), List.copyOf(cosines));
    }

    private static void checkValues(RecordedValues values, float[] vector, List<String> failures) {
        if (values.values().size() > vector.length) {
            failures.add(String.format(Locale.ROOT, TOO_MANY_VALUES, quote(values.sentence()), values.values().size(), vector.length));
            return;
        }
        for (int i = 0; i < values.values().size(); i++) {
            double expected = values.values().get(i);
            if (!(Math.abs(vector[i] - expected) <= values.tolerance())) {
                failures.add(String.format(Locale.ROOT, VALUE_MISMATCH, quote(values.sentence()), i, plain(expected), vector[i],
                        plain(values.tolerance())));
            }
        }
    }

    /** For {@code slmhub smoke --record}: the first {@value #RECORDED_VALUES} values rounded to {@value #RECORDED_DECIMALS} decimals. */
    public static RecordedValues record(String sentence, float[] vector) {
        List<Double> values = new ArrayList<>();
        for (int i = 0; i < Math.min(RECORDED_VALUES, vector.length); i++) {
            // from the float's shortest decimal form, so 0.00005f rounds up as it reads, not as its binary value
            values.add(new BigDecimal(Float.toString(vector[i])).setScale(RECORDED_DECIMALS, RoundingMode.HALF_UP).doubleValue());
        }
        return new RecordedValues(sentence, values, DEFAULT_TOLERANCE);
    }

    /** Cosine similarity; 0 when either vector is zero. */
    public static double cosine(float[] a, float[] b) {
        if (a.length != b.length) {
            throw new IllegalArgumentException("vectors of length " + a.length + " and " + b.length);
        }
        double dot = 0;
        double normA = 0;
        double normB = 0;
        for (int i = 0; i < a.length; i++) {
            dot += (double) a[i] * b[i];
            normA += (double) a[i] * a[i];
            normB += (double) b[i] * b[i];
        }
        return normA == 0 || normB == 0 ? 0 : dot / Math.sqrt(normA * normB);
    }

    /** "A cat sits on the mat" in quotes, cut with an ellipsis after {@value #QUOTED_LENGTH} characters. */
    static String quote(String sentence) {
        String shown = sentence.length() <= QUOTED_LENGTH ? sentence : sentence.substring(0, QUOTED_LENGTH).strip() + "…";
        return "\"" + shown + "\"";
    }

    /** A recorded number as written in the manifest: 0.001, not 1.0E-3. */
    private static String plain(double value) {
        return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }

    private static float[] vectorOf(Map<String, float[]> vectors, String sentence) {
        float[] vector = vectors.get(sentence);
        if (vector == null) {
            throw new IllegalArgumentException("no vector for " + quote(sentence) + ": embed sentences() first");
        }
        return vector;
    }
}
