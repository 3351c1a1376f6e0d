package org.slmhub.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.slmhub.api.Slmhub;
import org.slmhub.api.SlmhubException;
import org.slmhub.catalog.CatalogEntry;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "pull",
        mixinStandardHelpOptions = true,
        description = {
            "Get a model's file into the verified cache and print its path.",
            "MODEL is publisher/model, optionally with :VARIANT (a quantization such as Q4_K_M, or a file name);",
            "without one, the smallest GGUF file (the one CI smokes). Downloads resume and are checked by sha256.",
            "ONNX weights come with the model's tokenizer, whose path goes to stderr (or pull it by its file name)."},
        footer = {"", "Examples:",
            "  slmhub pull qwen/qwen2.5-0.5b-instruct:Q4_K_M",
            "  llama-cli -m \"$(slmhub pull ggml-org/stories260k)\" -p 'Once upon a time'",
            "  slmhub pull xenova/all-minilm-l6-v2:tokenizer.json",
            "  slmhub pull --registry https://hub.example/ ggml-org/stories260k",
            "", "Exit codes: 0 the path is printed, 1 the model or its file could not be had, 2 usage or internal error."})
final class PullCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    ModelSourceOptions source;

    @Mixin
    StoreOptions storeOptions;

    @Parameters(paramLabel = "MODEL", description = "publisher/model[:VARIANT]")
    String model;

    @Override
    public Integer call() {
        List<CatalogEntry> entries = source.entriesFor(model, storeOptions, spec.commandLine().getErr());
        if (entries == null) {
            return ExitCode.PROBLEMS;
        }
        try {
            List<Path> files = Slmhub.of(entries, storeOptions.open()).resolveWithCompanions(model);
            spec.commandLine().getOut().println(files.get(0));
            // stdout stays one path for $(slmhub pull ...); the tokenizer an ONNX model needs is named on stderr
            for (Path companion : files.subList(1, files.size())) {
                spec.commandLine().getErr().println("slmhub: also verified, needed beside it: " + companion);
            }
            return ExitCode.OK;
        } catch (SlmhubException e) {
            spec.commandLine().getErr().println("slmhub: error: " + e.getMessage());
            return ExitCode.PROBLEMS;
        }
    }
}
