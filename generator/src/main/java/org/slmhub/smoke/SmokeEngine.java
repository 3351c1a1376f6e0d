package org.slmhub.smoke;

/** Loads a model and makes it generate. Implementations never throw for a bad model: they report it. */
public interface SmokeEngine {
    SmokeOutcome run(SmokeRequest request);
}
