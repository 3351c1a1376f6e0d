package org.slmhub.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.slmhub.api.Slmhub;
import org.slmhub.api.SlmhubException;
import org.slmhub.catalog.CatalogEntry;
import org.slmhub.smoke.TextGenerator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "run",
        mixinStandardHelpOptions = true,
        description = {
            "Generate text with a model from the catalog, streaming it to stdout as it comes.",
            "The model's file is fetched and verified like `slmhub pull`. When the GGUF carries a chat template the",
            "prompt is sent as one user message through it (--raw sends it as plain text to continue).",
            "Ctrl-C stops the generation cleanly."},
        footer = {"", "Examples:",
            "  slmhub run ggml-org/stories260k --raw \"Once upon a time\"",
            "  slmhub run qwen/qwen2.5-0.5b-instruct:Q4_K_M \"Name three uses of a paperclip.\"",
            "  slmhub run --registry https://hub.example/ qwen/qwen3-0.6b \"Hello\"",
            "", "Exit codes: 0 done, 1 the model could not be had or loaded, 2 usage or internal error, 130 interrupted."})
final class RunCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    ModelSourceOptions source;

    @Mixin
    StoreOptions storeOptions;

    @Parameters(index = "0", paramLabel = "MODEL", description = "publisher/model[:VARIANT]")
    String model;

    @Parameters(index = "1", paramLabel = "PROMPT", description = "The prompt.")
    String prompt;

    @Option(names = "--max-tokens", defaultValue = "256", description = "Tokens to generate at most (default: ${DEFAULT-VALUE}).")
    int maxTokens;

    @Option(names = "--temperature", defaultValue = "0.7", description = "Sampling temperature; 0 is greedy and repeatable (default: ${DEFAULT-VALUE}).")
    float temperature;

    @Option(names = "--seed", description = "Sampling seed, for repeatable output above temperature 0 (default: random).")
    Integer seed;

    @Option(names = "--raw", description = "Continue the prompt as plain text, without the chat template.")
    boolean raw;

    @Override
    public Integer call() {
        if (maxTokens < 1 || temperature < 0) {
            throw new UsageException("--max-tokens must be at least 1 and --temperature at least 0");
        }
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        List<CatalogEntry> entries = source.entriesFor(model, storeOptions, err);
        if (entries == null) {
            return ExitCode.PROBLEMS;
        }
        TextGenerator generator;
        try {
            generator = Slmhub.of(entries, storeOptions.open()).load(model);
        } catch (SlmhubException e) {
            err.println("slmhub: error: " + e.getMessage());
            return ExitCode.PROBLEMS;
        }
        TextGenerator.Settings settings = new TextGenerator.Settings(maxTokens, temperature,
                seed != null ? seed : ThreadLocalRandom.current().nextInt(Integer.MAX_VALUE));
        String input = !raw && generator.hasChatTemplate() ? generator.chatPrompt(prompt) : prompt;
        CountDownLatch finished = new CountDownLatch(1);
        // On Ctrl-C the JVM runs shutdown hooks while this thread still generates: stop after the current token.
        Thread onInterrupt = new Thread(() -> {
            generator.cancel();
            awaitQuietly(finished); // the generating thread ends the line and closes the model
        }, "slmhub-run-interrupt");
        Runtime.getRuntime().addShutdownHook(onInterrupt);
        try {
            generator.generate(input, settings, piece -> {
                out.print(piece);
                out.flush();
            });
            out.println();
            out.flush();
        } finally {
            finished.countDown();
            generator.close();
        }
        try {
            Runtime.getRuntime().removeShutdownHook(onInterrupt);
        } catch (IllegalStateException e) {
            return ExitCode.INTERRUPTED; // the JVM is already shutting down: Ctrl-C arrived
        }
        return ExitCode.OK;
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
