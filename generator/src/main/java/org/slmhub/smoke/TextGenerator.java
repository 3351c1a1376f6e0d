package org.slmhub.smoke;

import de.kherud.llama.InferenceParameters;
import de.kherud.llama.LlamaIterator;
import de.kherud.llama.LlamaModel;
import de.kherud.llama.LlamaOutput;
import de.kherud.llama.ModelParameters;
import de.kherud.llama.Pair;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.slmhub.gguf.GgufFormatException;
import org.slmhub.gguf.GgufReader;

/**
 * A model loaded in this JVM that streams text as it is generated: what {@code slmhub run} and
 * the Java API use. Like {@link InProcessEngine}, a JVM that loaded a model must end with
 * {@code System.exit}, because the binding's native thread outlives {@link #close()}.
 */
public final class TextGenerator implements AutoCloseable {
    private final LlamaModel model;
    private final boolean chatTemplate;
    private final AtomicBoolean cancelled = new AtomicBoolean();

    private TextGenerator(LlamaModel model, boolean chatTemplate) {
        this.model = model;
        this.chatTemplate = chatTemplate;
    }

    /** What to generate: at most {@code maxTokens}, sampled at {@code temperature} (0 = greedy) from {@code seed}. */
    public record Settings(int maxTokens, float temperature, int seed) {
        public Settings {
            if (maxTokens < 1 || !(temperature >= 0)) {
                throw new IllegalArgumentException("max tokens must be at least 1 and temperature at least 0");
            }
        }
    }

    /** Loads a GGUF file; the message of a failure is one line. */
    public static TextGenerator load(Path file, int contextSize) throws GenerationException {
        boolean template;
        try {
            template = GgufReader.read(file).chatTemplate().isPresent();
        } catch (GgufFormatException e) {
            throw new GenerationException(file + " is not a readable GGUF file: " + e.getMessage());
        }
        NativeLibraryFolder.ensurePrivate();
        int threads = Math.max(1, Math.min(8, Runtime.getRuntime().availableProcessors()));
        // The binding announces where it extracted its library on stdout, which is the generated text's stream.
        PrintStream stdout = System.out;
        System.setOut(new PrintStream(OutputStream.nullOutputStream()));
        try {
            return new TextGenerator(new LlamaModel(new ModelParameters().setModel(file.toString()).setCtxSize(contextSize)
                    .setThreads(threads).setThreadsBatch(threads).disableLog()), template);
        } catch (RuntimeException e) { // the binding's LlamaException is not public
            throw new GenerationException("llama.cpp cannot load " + file + ": " + e.getMessage());
        } catch (LinkageError e) {
            throw new GenerationException("cannot load llama.cpp's native library (on Debian: apt-get install libgomp1): " + e);
        } finally {
            System.setOut(stdout);
        }
    }

    public boolean hasChatTemplate() {
        return chatTemplate;
    }

    /** The prompt for one user message, rendered with the model's own chat template. */
    public String chatPrompt(String userMessage) {
        return model.applyTemplate(new InferenceParameters("").setMessages(null, List.of(new Pair<>("user", userMessage))));
    }

    /** Streams the continuation of {@code prompt} to {@code onText}, piece by piece; returns the text. */
    public String generate(String prompt, Settings settings, Consumer<String> onText) {
        InferenceParameters parameters = new InferenceParameters(prompt)
                .setNPredict(settings.maxTokens())
                .setTemperature(settings.temperature())
                .setSeed(settings.seed())
                .setCachePrompt(false);
        StringBuilder text = new StringBuilder();
        LlamaIterator pieces = model.generate(parameters).iterator();
        while (pieces.hasNext()) {
            if (cancelled.get()) {
                pieces.cancel();
                break;
            }
            LlamaOutput piece = pieces.next();
            text.append(piece.text);
            onText.accept(piece.text);
        }
        return text.toString();
    }

    /** Stops a running {@link #generate} after its current token; safe from another thread (e.g. on Ctrl-C). */
    public void cancel() {
        cancelled.set(true);
    }

    @Override
    public void close() {
        model.close();
    }

    /** The model could not be loaded or run. */
    public static final class GenerationException extends Exception {
        public GenerationException(String message) {
            super(message);
        }
    }
}
