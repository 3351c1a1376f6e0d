package org.slmhub.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * Writes a deterministic catalog of made-up but schema-valid models for benchmarks: a realistic
 * spread of publishers, licenses, architectures, sizes, quantizations and card lengths. The
 * digests are SHA-256 of the model id and variant, so they are unique and obviously synthetic.
 */
public final class SyntheticCatalog {
    static final String[] ARCHS = {"llama", "qwen2", "qwen3", "gemma2", "gemma3", "phi3", "granite", "lfm2", "gpt2", "stablelm"};
    static final String[] LICENSES = {"Apache-2.0", "Apache-2.0", "Apache-2.0", "MIT", "MIT", "CC-BY-4.0", "BSD-3-Clause", "other"};
    static final String[] QUANTS = {"Q4_K_M", "Q8_0", "Q4_0", "Q5_K_M", "Q6_K", "F16", "Q2_K", "Q3_K_M"};
    static final String[] TASKS = {"text-generation", "text-generation", "text-generation", "feature-extraction", "text2text-generation"};
    static final String[] LANGS = {"en", "fr", "de", "es", "zh", "ja", "code"};
    static final String[] WORDS = ("small fast model tuned instruction chat reasoning code math story multilingual "
            + "embedding retrieval summarise translate assistant tiny edge mobile offline quantized distilled").split(" ");
    static final long[] PARAMS = {135_000_000L, 360_000_000L, 494_000_000L, 1_100_000_000L, 1_500_000_000L, 1_700_000_000L, 2_600_000_000L, 3_800_000_000L};

    private SyntheticCatalog() {
    }

    /** Writes {@code count} manifests under {@code root}; the same count always gives the same files. */
    public static void write(Path root, int count, long seed) throws IOException {
        Random random = new Random(seed);
        for (int i = 0; i < count; i++) {
            String publisher = "pub" + (i % Math.max(1, count / 20));
            String model = WORDS[random.nextInt(WORDS.length)] + "-" + i;
            Path file = root.resolve(publisher).resolve(model).resolve("model.yaml");
            Files.createDirectories(file.getParent());
            Files.writeString(file, manifest(publisher + "/" + model, random), StandardCharsets.UTF_8);
        }
    }

    static String manifest(String id, Random r) {
        String arch = ARCHS[r.nextInt(ARCHS.length)];
        String license = LICENSES[r.nextInt(LICENSES.length)];
        long params = PARAMS[r.nextInt(PARAMS.length)];
        StringBuilder y = new StringBuilder(4096);
        y.append("schema: 1\nid: ").append(id).append("\nname: ").append(id.substring(id.indexOf('/') + 1))
                .append("\npublisher: ").append(id, 0, id.indexOf('/'))
                .append("\nsummary: A synthetic ").append(arch).append(" model for benchmarks, ").append(words(r, 6)).append('\n');
        y.append("license: ").append(license).append('\n');
        if (license.equals("other")) {
            y.append("license_name: custom-terms\nlicense_link: https://example.org/licenses/custom\n");
        }
        y.append("languages: [").append(String.join(", ", List.of(LANGS).subList(0, 1 + r.nextInt(3)))).append("]\n");
        String task = TASKS[r.nextInt(TASKS.length)];
        y.append("pipeline_tag: ").append(task).append('\n')
                .append("tags: [synthetic, ").append(arch).append("]\n")
                .append("architecture: ").append(arch).append('\n')
                .append("parameters: ").append(params).append('\n')
                .append("context_length: ").append(2048 << r.nextInt(6)).append('\n')
                .append("base_model: [Upstream/").append(arch).append("-base]\nbase_model_relation: quantized\n")
                .append("card: |\n  ").append(words(r, 20 + r.nextInt(400)))
                .append("\n\n  ## Intended use\n  ").append(words(r, 30))
                .append("\n\n  ## Limitations\n  ").append(words(r, 30))
                .append("\n\n  ## Training data\n  ").append(words(r, 20))
                .append("\n\n  ## Bias and risks\n  ").append(words(r, 20)).append('\n');
        y.append("artifacts:\n");
        int variants = 1 + r.nextInt(4);
        for (int v = 0; v < variants; v++) {
            String quant = QUANTS[(v * 3 + r.nextInt(2)) % QUANTS.length];
            String file = id.substring(id.indexOf('/') + 1) + "-" + quant + "-" + v + ".gguf";
            y.append("  - file: ").append(file).append("\n    format: gguf\n    quantization: ").append(quant)
                    .append("\n    url: https://example.org/").append(id).append("/resolve/0123456789abcdef/").append(file)
                    .append("\n    sha256: ").append(sha256(id + "#" + v))
                    .append("\n    size: ").append(params / 2 + r.nextInt(1 << 20)).append('\n');
        }
        if (!task.equals("feature-extraction")) { // an embedding model's smoke block has other fields (rule smoke-fields)
            y.append("smoke:\n  prompt: Once upon a time\n  max_tokens: 16\n");
        }
        return y.toString();
    }

    static String words(Random r, int n) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < n; i++) {
            sb.append(i == 0 ? "" : (i % 12 == 0 ? ".\n  " : " ")).append(WORDS[r.nextInt(WORDS.length)]);
        }
        return sb.toString().toLowerCase(Locale.ROOT);
    }

    static String sha256(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
