package org.slmhub.smoke;

/**
 * Turns a model's per-token output into one vector per sentence, and scales vectors to length 1:
 * what sentence-transformers does after the transformer.
 */
final class VectorPooling {
    private VectorPooling() {
    }

    /**
     * The mean of the tokens whose mask is 1, from {@code hidden} laid out as {@code [batch,
     * sequence, dimension]}; padding tokens do not count. A row without any masked token (which the
     * tokenizer never produces) gives zeros.
     */
    static float[] mean(float[] hidden, int row, int sequence, int dimension, long[] mask) {
        double[] sum = new double[dimension];
        int counted = 0;
        for (int token = 0; token < sequence; token++) {
            if (mask[row * sequence + token] == 0) {
                continue;
            }
            counted++;
            int offset = (row * sequence + token) * dimension;
            for (int d = 0; d < dimension; d++) {
                sum[d] += hidden[offset + d];
            }
        }
        float[] mean = new float[dimension];
        for (int d = 0; d < dimension && counted > 0; d++) {
            mean[d] = (float) (sum[d] / counted);
        }
        return mean;
    }

    /** The first token's vector ([CLS] in BERT-style models). */
    static float[] first(float[] hidden, int row, int sequence, int dimension) {
        float[] vector = new float[dimension];
        System.arraycopy(hidden, row * sequence * dimension, vector, 0, dimension);
        return vector;
    }

    /** Row {@code row} of a {@code [batch, dimension]} output. */
    static float[] row(float[] pooled, int row, int dimension) {
        float[] vector = new float[dimension];
        System.arraycopy(pooled, row * dimension, vector, 0, dimension);
        return vector;
    }

    /** Scaled to Euclidean length 1, in place; a zero vector stays zero. */
    static float[] normalize(float[] vector) {
        double squares = 0;
        for (float v : vector) {
            squares += (double) v * v;
        }
        double norm = Math.sqrt(squares);
        if (norm > 0) {
            for (int i = 0; i < vector.length; i++) {
                vector[i] = (float) (vector[i] / norm);
            }
        }
        return vector;
    }
}
