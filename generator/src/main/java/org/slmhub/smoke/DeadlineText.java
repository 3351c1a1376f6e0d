package org.slmhub.smoke;

/**
 * Text that stops being readable after a deadline: java.util.regex reads its input through
 * {@link #charAt}, so a backtracking regex on it ends with {@link Expired} instead of running on.
 */
final class DeadlineText implements CharSequence {
    /** Reading the clock on every character would cost more than matching. */
    private static final int CHECK_EVERY = 4096;

    static final class Expired extends RuntimeException {
        Expired() {
            super(null, null, false, false);
        }
    }

    private final String text;
    private final long deadlineNanos;
    private int reads;

    private DeadlineText(String text, long deadlineNanos) {
        this.text = text;
        this.deadlineNanos = deadlineNanos;
    }

    static DeadlineText within(String text, long budgetMillis) {
        return new DeadlineText(text, System.nanoTime() + budgetMillis * 1_000_000);
    }

    @Override
    public char charAt(int index) {
        if (++reads % CHECK_EVERY == 0 && System.nanoTime() > deadlineNanos) {
            throw new Expired();
        }
        return text.charAt(index);
    }

    @Override
    public int length() {
        return text.length();
    }

    @Override
    public CharSequence subSequence(int start, int end) {
        return new DeadlineText(text.substring(start, end), deadlineNanos);
    }

    @Override
    public String toString() {
        return text;
    }
}
