package org.slmhub.smoke;

import java.util.Locale;

/** The result of smoking one model, as reports and the site show it. */
public enum Verdict {
    PASSED, OUTPUT_MISMATCH, LOAD_FAILED, CRASHED, TIMED_OUT, ARTIFACT_UNAVAILABLE, CHECKSUM_MISMATCH;

    /** "output-mismatch": the spelling in reports and on the command line. */
    public String id() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public boolean passed() {
        return this == PASSED;
    }

    /** Maps what the engine saw; a completed run is judged by {@link ExpectCheck} instead. */
    public static Verdict of(SmokeStatus status) {
        return switch (status) {
            case COMPLETED -> PASSED;
            case LOAD_FAILED -> LOAD_FAILED;
            // llama.cpp failing mid-generation is a crash of the engine on this model, not a load problem
            case GENERATION_FAILED, CRASHED -> CRASHED;
            case TIMED_OUT -> TIMED_OUT;
        };
    }
}
