package org.slmhub.catalog;

import java.util.Locale;
import java.util.Optional;

/**
 * The first draft of a manifest, as {@code slmhub new} writes it: the facts a GGUF header and the
 * file itself give, and a marked placeholder wherever only a person can write the text. Every
 * placeholder passes the schema, so the validator's remaining findings are exactly what to write.
 */
public final class ManifestScaffold {
    /** The schema line, relative to models/<publisher>/<model>/, for completion in editors. */
    public static final String SCHEMA_LINE = "# yaml-language-server: $schema=../../../generator/src/main/resources/schema/model.schema.json";

    /** Marks text a person must write; without spaces so that it also fits inside a URL. */
    public static final String PLACEHOLDER = "TODO(slmhub-new)";

    private ManifestScaffold() {
    }

    /**
     * What is known about the model and its one file.
     *
     * @param architecture as general.architecture spells it, or empty to leave a placeholder
     * @param license      an SPDX id, or empty to leave a placeholder
     * @param quantization as GGUF names it, or empty when the header does not say
     * @param url          where the file is published, or empty to leave a placeholder
     * @param contextLength 0 when the header does not say
     */
    public record Facts(String id, Optional<String> name, String architecture, long parameters, long contextLength,
            Optional<String> license, String file, Optional<String> quantization, Optional<String> url, String sha256, long size) {
    }

    public static String yaml(Facts f) {
        StringBuilder y = new StringBuilder();
        y.append(SCHEMA_LINE).append('\n');
        y.append("# Drafted by `slmhub new` from ").append(f.file()).append(": slmhub validate lists every placeholder left to fill.\n");
        y.append("schema: 1\n");
        y.append("id: ").append(f.id()).append('\n');
        y.append("name: ").append(quote(f.name().orElse(todo("the model's display name")))).append('\n');
        y.append("publisher: ").append(quote(todo("who publishes the files, as they write their name"))).append('\n');
        y.append("summary: ").append(quote(todo("one line on what the model is and what it is for"))).append('\n');
        if (f.license().isPresent()) {
            y.append("license: ").append(f.license().get()).append('\n');
        } else {
            y.append("license: ").append(quote(todo("SPDX id, or other with license_name and license_link"))).append('\n');
        }
        y.append("languages: [en]  # ").append(todo("the languages the model handles (ISO 639 codes)")).append('\n');
        y.append("pipeline_tag: text-generation\n");
        if (f.architecture().isEmpty()) {
            y.append("architecture: unknown  # ").append(todo("as the file's general.architecture spells it; the header does not say")).append('\n');
        } else {
            y.append("architecture: ").append(f.architecture()).append('\n');
        }
        y.append("parameters: ").append(f.parameters()).append("  # the tensors' element count; use the publisher's figure if it differs\n");
        if (f.contextLength() > 0) {
            y.append("context_length: ").append(f.contextLength()).append('\n');
        } else {
            y.append("context_length: 2048  # ").append(todo("the trained context length; the GGUF header does not say")).append('\n');
        }
        y.append("card: |\n");
        for (String[] section : new String[][] {
                {"Intended use", "what the model is for, and for whom"},
                {"Limitations", "what it does badly or not at all"},
                {"Training data", "what it was trained on, or that the publisher does not disclose it"},
                {"Bias and risks", "known biases and risks, or that none are documented"}}) {
            y.append("  ## ").append(section[0]).append('\n');
            y.append("  ").append(todo(section[1])).append("\n\n");
        }
        y.setLength(y.length() - 1);
        y.append("artifacts:\n");
        y.append("  - file: ").append(f.file()).append('\n');
        y.append("    format: gguf\n");
        f.quantization().ifPresent(q -> y.append("    quantization: ").append(q).append('\n'));
        y.append("    url: ").append(f.url().orElse("https://example.invalid/" + PLACEHOLDER + "/" + f.file()))
                .append(f.url().isPresent() ? "" : "  # " + todo("the https URL the publisher serves the file at, pinned to a commit")).append('\n');
        y.append("    sha256: ").append(f.sha256()).append('\n');
        y.append("    size: ").append(f.size()).append('\n');
        y.append("smoke: {prompt: \"Once upon a time\", max_tokens: 16}\n");
        y.append("links:\n");
        y.append("  sources: [\"https://example.invalid/").append(PLACEHOLDER)
                .append("\"]  # ").append(todo("the page that lists this file's size and sha256")).append('\n');
        return y.toString();
    }

    /** A placeholder saying what to write in its place. */
    public static String todo(String what) {
        return PLACEHOLDER + ": " + what;
    }

    /** Double-quoted YAML scalar; placeholders hold a colon, which a plain scalar cannot. */
    static String quote(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    /** A GGUF's general.name as a display name, or empty when it is missing or says nothing ("model", "llama"). */
    public static Optional<String> displayName(Optional<String> name, String architecture) {
        return name.map(String::strip).filter(n -> !n.isEmpty() && n.length() <= 120
                && !n.toLowerCase(Locale.ROOT).equals("model") && !n.equalsIgnoreCase(architecture));
    }
}
