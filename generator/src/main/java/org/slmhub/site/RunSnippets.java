package org.slmhub.site;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slmhub.catalog.ModelManifest;

/**
 * How to run one artifact with common tools. Hugging Face hosted GGUF files get the tools' own
 * {@code hf} shortcuts; anything else is downloaded first and run from the file.
 */
final class RunSnippets {
    // repository names as Hugging Face allows them: the shortcuts put the name into a command unquoted
    private static final Pattern HF_FILE = Pattern.compile("https://huggingface\\.co/([\\w.-]+/[\\w.-]+)/resolve/[^/]+/(.+)");
    private static final Pattern PLAIN_WORD = Pattern.compile("[\\w./:%@,+=-]+");

    private RunSnippets() {
    }

    /** Tool name to command text, in the order the page shows them. */
    static Map<String, String> of(ModelManifest m, ModelManifest.Artifact a) {
        Map<String, String> snippets = new LinkedHashMap<>();
        Optional<String> repo = huggingFaceRepo(a.url());
        String quant = a.quantization() == null ? "" : a.quantization().toUpperCase(Locale.ROOT);
        boolean gguf = "gguf".equals(a.format());
        String ref = m.id() + (quant.isEmpty() ? "" : ":" + quant);
        if (m.embeds()) {
            return embedding(m, a, ref, repo, quant);
        }
        if (gguf) {
            snippets.put("llama.cpp", repo.isPresent() && !quant.isEmpty()
                    ? "llama-cli -hf " + repo.get() + ":" + quant
                    : "curl -L -o " + a.file() + " " + shellWord(a.url()) + "\nllama-cli -m " + a.file());
            if (repo.isPresent() && !quant.isEmpty()) {
                snippets.put("Ollama", "ollama run hf.co/" + repo.get() + ":" + quant);
            }
            if (repo.isPresent()) {
                snippets.put("LM Studio", "lms get " + repo.get() + (quant.isEmpty() ? "" : "@" + quant.toLowerCase(Locale.ROOT)));
            }
        }
        snippets.put("slmhub", "slmhub run " + ref);
        snippets.put("Java", "Slmhub hub = Slmhub.open(Path.of(\"models\"), ArtifactStore.builder(ArtifactStore.defaultCacheRoot(System.getenv())).build());\n"
                + "try (TextGenerator model = hub.load(\"" + ref + "\")) {\n"
                + "    String text = model.generate(\"Hello\", new TextGenerator.Settings(64, 0f, 42), piece -> { });\n"
                + "}   // org.slmhub.api.Slmhub");
        return snippets;
    }

    /** An embedding model returns vectors, not text: its snippets embed a sentence. */
    private static Map<String, String> embedding(ModelManifest m, ModelManifest.Artifact a, String ref, Optional<String> repo, String quant) {
        Map<String, String> snippets = new LinkedHashMap<>();
        if ("gguf".equals(a.format())) {
            snippets.put("llama.cpp", (repo.isPresent() && !quant.isEmpty() ? "llama-embedding -hf " + repo.get() + ":" + quant
                    : "curl -L -o " + a.file() + " " + shellWord(a.url()) + "\nllama-embedding -m " + a.file()) + " -p 'A cat sits on the mat'");
            snippets.put("slmhub", "slmhub pull " + ref);
            return snippets;
        }
        boolean tokenizer = m.artifacts().stream().anyMatch(t -> ModelManifest.Artifact.TOKENIZER.equals(t.role()));
        snippets.put("slmhub", "slmhub pull " + ref + (tokenizer ? "        # the model; its tokenizer's path goes to stderr" : ""));
        if ("onnx".equals(a.format()) && tokenizer && m.embedding() != null) {
            snippets.put("Java", "Slmhub hub = Slmhub.open(Path.of(\"models\"), ArtifactStore.builder(ArtifactStore.defaultCacheRoot(System.getenv())).build());\n"
                    + "List<float[]> vectors = hub.embed(\"" + m.id() + "\", List.of(\"A cat sits on the mat\", \"A kitten rests on a rug\"));\n"
                    + "// " + m.embedding().dimension() + " values each, " + m.embedding().pooling() + "-pooled"
                    + (m.embedding().normalizes() ? " and normalized: a dot product is the cosine" : "") + "   (org.slmhub.api.Slmhub)");
        }
        return snippets;
    }

    /**
     * The text as one shell word: as it is when it has no character a shell treats specially, else in
     * single quotes (a URL may hold {@code $( ) ' & ; ?}: a reader pastes this command into a shell).
     */
    static String shellWord(String text) {
        return PLAIN_WORD.matcher(text).matches() ? text : "'" + text.replace("'", "'\\''") + "'";
    }

    /** {@code owner/repo} for a file on huggingface.co, else empty. */
    static Optional<String> huggingFaceRepo(String url) {
        Matcher m = HF_FILE.matcher(url == null ? "" : url);
        return m.matches() ? Optional.of(m.group(1)) : Optional.empty();
    }
}
