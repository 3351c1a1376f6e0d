package org.slmhub.smoke;

import de.kherud.llama.InferenceParameters;
import de.kherud.llama.LlamaIterator;
import de.kherud.llama.LlamaModel;
import de.kherud.llama.LlamaOutput;
import de.kherud.llama.ModelParameters;
import de.kherud.llama.Pair;
import java.util.List;
import java.util.function.LongConsumer;
import org.slmhub.gguf.GgufFormatException;
import org.slmhub.gguf.GgufReader;

/**
 * Runs the model in this JVM: the code path the worker uses, and the baseline a benchmark
 * compares the worker with. It has no timeouts, and a native crash takes this JVM down.
 *
 * <p>Once a model has been loaded, a native thread of the binding keeps the JVM alive even after
 * the model is closed, so a program that used this engine must end with {@code System.exit}.
 */
public final class InProcessEngine implements SmokeEngine {
    private final boolean nativeLog;
    private final LongConsumer onLoaded;

    /** llama.cpp's log silenced; its load errors are then only "could not load model". */
    public InProcessEngine() {
        this(false, loadMillis -> { });
    }

    /**
     * @param nativeLog let llama.cpp log to stderr: the worker does, so its parent can quote why a load failed
     * @param onLoaded  called with the load time once the weights are loaded, before generating
     */
    InProcessEngine(boolean nativeLog, LongConsumer onLoaded) {
        this.nativeLog = nativeLog;
        this.onLoaded = onLoaded;
    }

    @Override
    public SmokeOutcome run(SmokeRequest request) {
        boolean chat = request.chatTurn() && hasChatTemplate(request);
        NativeLibraryFolder.ensurePrivate();
        long start = System.nanoTime();
        LlamaModel model;
        try {
            model = new LlamaModel(modelParameters(request));
        } catch (RuntimeException e) { // the binding's LlamaException is not public
            return SmokeOutcome.failed(SmokeStatus.LOAD_FAILED, "llama.cpp: " + e.getMessage(), 0, PeakMemory.ofThisProcess());
        } catch (LinkageError e) { // e.g. libgomp missing: the native library itself cannot load
            return SmokeOutcome.failed(SmokeStatus.LOAD_FAILED, "cannot load llama.cpp's native library: " + e, 0,
                    PeakMemory.ofThisProcess());
        }
        long loadMillis = (System.nanoTime() - start) / 1_000_000;
        onLoaded.accept(loadMillis);
        try (model) {
            Generated main = generate(model, request.prompt(), request.maxTokens(), request);
            ChatAnswer answer = chat ? answerChat(model, request) : null;
            double seconds = main.nanos() / 1e9;
            boolean stopped = main.tokens() < request.maxTokens();
            boolean immediateEos = stopped && main.tokens() <= 1 && main.text().isEmpty();
            return new SmokeOutcome(SmokeStatus.COMPLETED, main.text(), main.tokens(), stopped, immediateEos, answer, loadMillis,
                    main.nanos() / 1_000_000, seconds > 0 ? main.tokens() / seconds : 0, PeakMemory.ofThisProcess(),
                    EngineVersion.DESCRIPTION, "");
        } catch (RuntimeException e) {
            return SmokeOutcome.failed(SmokeStatus.GENERATION_FAILED, "llama.cpp: " + e.getMessage(), loadMillis,
                    PeakMemory.ofThisProcess());
        }
    }

    private ModelParameters modelParameters(SmokeRequest request) {
        ModelParameters parameters = new ModelParameters()
                .setModel(request.model().toString())
                .setCtxSize(request.contextSize())
                .setThreads(request.threads())
                .setThreadsBatch(request.threads());
        return nativeLog ? parameters : parameters.disableLog();
    }

    /** A GGUF llama.cpp cannot read has no template either; loading it then reports the real problem. */
    private static boolean hasChatTemplate(SmokeRequest request) {
        try {
            return GgufReader.read(request.model()).chatTemplate().isPresent();
        } catch (GgufFormatException e) {
            return false;
        }
    }

    private static ChatAnswer answerChat(LlamaModel model, SmokeRequest request) {
        // Rendered here rather than with setUseChatTemplate, so what the model sees is explicit
        InferenceParameters messages = new InferenceParameters("")
                .setMessages(null, List.of(new Pair<>("user", request.chatPrompt())));
        String prompt = model.applyTemplate(messages);
        Generated answer = generate(model, prompt, request.chatMaxTokens(), request);
        return new ChatAnswer(answer.text(), answer.tokens(), answer.tokens() < request.chatMaxTokens());
    }

    private record Generated(String text, int tokens, long nanos) {
    }

    /**
     * Streams one completion. Each streamed piece is one token, the end-of-sequence token included
     * (its text is empty), except that llama.cpp holds back a token ending inside a UTF-8 character
     * and sends it with the next; the last piece only marks the end and is not a token.
     */
    private static Generated generate(LlamaModel model, String prompt, int maxTokens, SmokeRequest request) {
        InferenceParameters parameters = new InferenceParameters(prompt)
                .setNPredict(maxTokens)
                .setTemperature(request.temperature())
                .setSeed(request.seed())
                .setCachePrompt(false); // a reused prompt cache would make a run depend on the one before
        StringBuilder text = new StringBuilder();
        int tokens = 0;
        long start = System.nanoTime();
        LlamaIterator pieces = model.generate(parameters).iterator();
        while (pieces.hasNext()) {
            LlamaOutput piece = pieces.next();
            text.append(piece.text);
            if (pieces.hasNext()) {
                tokens++;
            }
        }
        return new Generated(text.toString(), tokens, System.nanoTime() - start);
    }
}
