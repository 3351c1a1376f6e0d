package org.slmhub.smoke;

/** What an engine saw; whether a completed run passes is decided by the caller comparing its text. */
public enum SmokeStatus {
    /** The model loaded and generated; the outcome carries its text. */
    COMPLETED,
    /** llama.cpp, ONNX Runtime or the tokenizer (or a native library) refused to load the model; the reason quotes it. */
    LOAD_FAILED,
    /** The model loaded, then the engine reported an error while generating or embedding. */
    GENERATION_FAILED,
    /** The worker died without a result, e.g. killed by a signal; the reason names it. */
    CRASHED,
    /** The worker exceeded the load or the generation timeout and was killed; the reason names the phase. */
    TIMED_OUT
}
