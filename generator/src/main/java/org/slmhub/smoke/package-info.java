/**
 * Stage "smoke": loads a model's weights with llama.cpp and makes it generate, so that no model
 * enters the catalog without having run.
 *
 * <p>{@link org.slmhub.smoke.ForkedEngine} runs each model in a fresh worker JVM
 * ({@link org.slmhub.smoke.WorkerMain}) under a load timeout and a generation timeout, because a
 * broken file can crash native code, and because the binding's native thread keeps a JVM alive
 * after the model is closed. {@link org.slmhub.smoke.InProcessEngine} is the code both share; used
 * directly it has no timeouts and no crash protection. Engines report what happened
 * ({@link org.slmhub.smoke.SmokeOutcome}); whether the text is the expected one is the caller's call.
 *
 * <p>ONNX sentence-embedding models go the same way: {@link org.slmhub.smoke.ForkedEmbedder} runs
 * {@link org.slmhub.smoke.SentenceEmbedder} (ONNX Runtime and DJL's Hugging Face tokenizer) in a
 * worker under the same supervision, and {@link org.slmhub.smoke.EmbeddingExpectations} checks the
 * vectors against what the manifest declares.
 */
package org.slmhub.smoke;
