package org.slmhub.api;

import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slmhub.artifact.ArtifactException;
import org.slmhub.artifact.ArtifactRef;
import org.slmhub.artifact.ArtifactStore;
import org.slmhub.catalog.CatalogEntry;
import org.slmhub.catalog.CatalogFiles;
import org.slmhub.catalog.ModelManifest;
import org.slmhub.catalog.ModelRef;
import org.slmhub.registry.RegistryException;
import org.slmhub.registry.SiteRegistry;
import org.slmhub.smoke.EmbeddingOutcome;
import org.slmhub.smoke.EmbeddingRequest;
import org.slmhub.smoke.SentenceEmbedder;
import org.slmhub.smoke.TextGenerator;
import org.slmhub.validate.ClosestMatch;
import org.slmhub.validate.Finding;
import org.slmhub.validate.ValidationReport;
import org.slmhub.validate.Validator;

/**
 * slmhub for applications: name a model from the catalog, get its verified file, generate text.
 *
 * <pre>{@code
 * Slmhub hub = Slmhub.open(Path.of("models"), ArtifactStore.builder(ArtifactStore.defaultCacheRoot(System.getenv())).build());
 * Path gguf = hub.resolve("qwen/qwen2.5-0.5b-instruct:Q4_K_M");   // downloaded once, verified by sha256
 * try (TextGenerator model = hub.load("ggml-org/stories260k")) {
 *     String text = model.generate("Once upon a time", new TextGenerator.Settings(32, 0f, 42), piece -> { });
 * }
 * List<float[]> vectors = hub.embed("xenova/all-minilm-l6-v2", List.of("A cat sits on the mat"));
 * }</pre>
 * Without a checkout of the catalog, a published site is the catalog:
 * {@code Slmhub.fromRegistry(SiteRegistry.at("https://hub.example/", cacheRoot, false, connectTimeout, readTimeout), store)}.
 * A JVM that loaded a model must end with {@code System.exit} (the llama.cpp binding keeps a native thread).
 */
public final class Slmhub {
    private final Map<String, CatalogEntry> byId;
    private final ArtifactStore store;
    private final SiteRegistry registry;

    private Slmhub(List<CatalogEntry> entries, ArtifactStore store, SiteRegistry registry) {
        this.byId = new ConcurrentHashMap<>(entries.stream().collect(Collectors.toMap(e -> e.manifest().id(), Function.identity())));
        this.store = store;
        this.registry = registry;
    }

    /** Over entries already validated (the CLI loads and reports them itself). */
    public static Slmhub of(List<CatalogEntry> entries, ArtifactStore store) {
        return new Slmhub(entries, store, null);
    }

    /**
     * Over a published site's registry: each model's manifest is fetched when first named, checked,
     * and kept in the cache ({@link SiteRegistry}); a manifest with errors is refused.
     */
    public static Slmhub fromRegistry(SiteRegistry registry, ArtifactStore store) {
        return new Slmhub(List.of(), store, registry);
    }

    /** Reads and validates a catalog folder; refuses a catalog with errors, naming the first. */
    public static Slmhub open(Path catalog, ArtifactStore store) throws SlmhubException {
        CatalogFiles files = CatalogFiles.read(catalog, List.of());
        ValidationReport report = new Validator().validate(files.manifests(), List.of(), files.misplaced());
        if (!report.passed()) {
            throw new SlmhubException("the catalog at " + catalog + " has " + report.errorCount() + " error(s); first: " + firstError(report));
        }
        return new Slmhub(report.entries(), store, null);
    }

    /** The manifest and the artifact a reference such as {@code qwen/qwen3-0.6b:Q8_0} names. */
    public Choice choose(String reference) throws SlmhubException {
        ModelRef ref = ModelRef.parse(reference);
        CatalogEntry entry = byId.get(ref.id());
        if (entry == null && registry != null) {
            entry = fromRegistry(ref.id());
        }
        if (entry == null) {
            String hint = ClosestMatch.among(ref.id(), byId.keySet()).map(s -> "; did you mean `" + s + "`?").orElse("");
            throw new SlmhubException("unknown model `" + ref.id() + "`" + hint);
        }
        StringBuilder why = new StringBuilder();
        ModelManifest.Artifact artifact = ref.pick(entry.manifest(), why)
                .orElseThrow(() -> new SlmhubException(why.length() > 0 ? why.toString() : ref.id() + " lists no files"));
        return new Choice(entry.manifest(), artifact);
    }

    public record Choice(ModelManifest manifest, ModelManifest.Artifact artifact) {
    }

    private CatalogEntry fromRegistry(String id) throws SlmhubException {
        ValidationReport report;
        try {
            report = registry.load(id).report();
        } catch (RegistryException e) {
            throw new SlmhubException(e.getMessage());
        }
        if (!report.passed()) {
            throw new SlmhubException("the manifest of " + id + " from " + registry.name() + " has " + report.errorCount()
                    + " error(s); first: " + firstError(report));
        }
        CatalogEntry entry = report.entries().get(0);
        byId.put(id, entry);
        return entry;
    }

    private static String firstError(ValidationReport report) {
        Finding first = report.findings().stream().filter(Finding::isError).findFirst().orElseThrow();
        return first.file() + ":" + first.position() + ": " + first.message();
    }

    /** The verified local file: from the cache, a mirror, or downloaded (and verified) once. */
    public Path resolve(String reference) throws SlmhubException {
        return resolve(choose(reference).artifact());
    }

    /**
     * The verified file a reference names, then the files it needs beside it: weights that are not
     * GGUF come with the model's tokenizer, which GGUF files embed.
     */
    public List<Path> resolveWithCompanions(String reference) throws SlmhubException {
        Choice choice = choose(reference);
        List<Path> paths = new ArrayList<>(List.of(resolve(choice.artifact())));
        if (choice.artifact().holdsWeights()) {
            for (ModelManifest.Artifact companion : tokenizers(choice.manifest())) {
                paths.add(resolve(companion));
            }
        }
        return paths;
    }

    /**
     * Embeds up to {@value EmbeddingRequest#MAX_SENTENCES} sentences in this JVM with an ONNX embedding
     * model of the catalog (its weights and tokenizer, verified), pooled as its manifest says.
     */
    public List<float[]> embed(String reference, List<String> sentences) throws SlmhubException {
        Choice choice = choose(reference);
        ModelManifest m = choice.manifest();
        List<ModelManifest.Artifact> tokenizers = tokenizers(m);
        if (m.embedding() == null || !choice.artifact().format().equals("onnx") || tokenizers.size() != 1) {
            throw new SlmhubException(reference + " is not an ONNX embedding model with one tokenizer; slmhub embeds with those");
        }
        EmbeddingRequest request;
        try {
            request = EmbeddingRequest.of(resolve(choice.artifact()), resolve(tokenizers.get(0)), sentences)
                    .withPooling(m.embedding().pooling(), m.embedding().normalizes())
                    .withMaxSequenceLength(Math.min(m.embedding().maxSequenceLength(), EmbeddingRequest.MAX_SEQUENCE_LENGTH));
        } catch (IllegalArgumentException e) {
            throw new SlmhubException(e.getMessage());
        }
        EmbeddingOutcome outcome = new SentenceEmbedder().run(request);
        if (!outcome.completed()) {
            throw new SlmhubException(outcome.reason());
        }
        return outcome.vectors();
    }

    private static List<ModelManifest.Artifact> tokenizers(ModelManifest m) {
        return m.artifacts().stream().filter(a -> ModelManifest.Artifact.TOKENIZER.equals(a.role())).toList();
    }

    private Path resolve(ModelManifest.Artifact a) throws SlmhubException {
        try {
            return store.resolve(new ArtifactRef(a.file(), URI.create(a.url()), a.sha256(), a.size())).path();
        } catch (ArtifactException e) {
            throw new SlmhubException(e.getMessage());
        }
    }

    /** Resolves and loads a GGUF model for generation in this JVM. */
    public TextGenerator load(String reference) throws SlmhubException {
        Choice choice = choose(reference);
        if (choice.manifest().embeds()) {
            throw new SlmhubException(choice.manifest().id() + " is an embedding model: it returns vectors, not text"
                    + " (embed with Slmhub.embed, or get its files with `slmhub pull`)");
        }
        if (!choice.artifact().format().equals("gguf")) {
            throw new SlmhubException(reference + " is " + choice.artifact().format() + "; slmhub runs GGUF files");
        }
        Path file = resolve(reference);
        int context = (int) Math.min(choice.manifest().contextLength(), DEFAULT_CONTEXT);
        try {
            return TextGenerator.load(file, context);
        } catch (TextGenerator.GenerationException e) {
            throw new SlmhubException(e.getMessage());
        }
    }

    /** Context for interactive runs: enough for a prompt and an answer, small enough to allocate quickly. */
    public static final int DEFAULT_CONTEXT = 4096;
}
