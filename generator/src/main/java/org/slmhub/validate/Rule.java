package org.slmhub.validate;

import java.util.Locale;

/**
 * Every check the validator makes. The id is what a finding prints in {@code error[id]}, the
 * message template and hint are what it says; the contributor guide has a section per id
 * (a test keeps the two in step).
 */
public enum Rule {
    // Level 1: YAML syntax
    YAML_SYNTAX(Level.SYNTAX, "%s", "Check indentation (spaces, not tabs), quoting and the `key: value` form at the position shown."),
    YAML_DUPLICATE_KEY(Level.SYNTAX, "%s", "Remove or merge the second occurrence of the field."),
    MANIFEST_FILE(Level.SYNTAX, "`%s` %s", "A manifest is a plain file at models/<publisher>/<model>/model.yaml in plain folders: put the files and folders themselves there, not links to them."),
    // Level 2: the JSON Schema
    SCHEMA_REQUIRED(Level.SCHEMA, "missing required field `%s`", "%s"),
    SCHEMA_UNKNOWN_FIELD(Level.SCHEMA, "unknown field `%s`", "%s"),
    SCHEMA_TYPE(Level.SCHEMA, "`%s` must be %s, found %s", "%s"),
    SCHEMA_ENUM(Level.SCHEMA, "`%s` is %s, which is not one of the allowed values", "%s"),
    SCHEMA_VALUE(Level.SCHEMA, "`%s` %s", "%s"),
    SCHEMA_VERSION(Level.SCHEMA, "unsupported manifest version %s: this slmhub reads `schema: 1`", "Set `schema: 1` and follow the current format."),
    ID_FORMAT(Level.SCHEMA, "id %s is not `<publisher>/<model>` in lowercase letters, digits, `.`, `_` and `-`", "Example: `id: huggingfacetb/smollm2-135m-instruct`."),
    SHA256_FORMAT(Level.SCHEMA, "sha256 %s is not 64 lowercase hexadecimal digits", "Copy the SHA-256 the publisher lists (on Hugging Face: the file's LFS `oid`), or run `sha256sum FILE`."),
    HTTPS_ONLY(Level.SCHEMA, "`%s` must be an https URL, found %s", "Use the https:// form of the address; plain http and other schemes are refused."),
    BASE_MODEL(Level.SCHEMA, "base model %s %s", "List Hugging Face ids as `Owner/Name` or catalog ids as `publisher/model`."),
    URL_FORM(Level.SCHEMA, "`%s` is not a plain https address: %s", "Write the address as https://host/path: a manifest is public, so it names no user or password, and every download needs a host."),
    // Level 3: catalog rules
    ID_FOLDER(Level.CATALOG, "id %s does not match the manifest's folder %s", "The id must equal the path `models/<publisher>/<model>/`: rename the folder or fix the id."),
    MANIFEST_PLACE(Level.CATALOG, "%s is not read by the catalog: manifests live at models/<publisher>/<model>/model.yaml", "Move the file to its model's folder and name it `model.yaml`."),
    LICENSE_SPDX(Level.CATALOG, "license %s %s", "Use an SPDX identifier (https://spdx.org/licenses/), or `license: other` with `license_name` and `license_link`."),
    LICENSE_OTHER(Level.CATALOG, "%s", "A license that SPDX does not list needs `license: other`, a short `license_name` and an https `license_link` to its text."),
    CARD_SECTIONS(Level.CATALOG, "card is missing the section%s %s", "Add each as a Markdown heading, e.g. `## Limitations`, and say what is known (or that it is not disclosed)."),
    DUPLICATE_ID(Level.CATALOG, "id %s is also used by %s", "Each model has one manifest; merge the two or pick another id."),
    DUPLICATE_ARTIFACT(Level.CATALOG, "artifact sha256 %s is also listed by %s", "The same bytes belong in one manifest only: keep the original publisher's entry."),
    DUPLICATE_FILE(Level.CATALOG, "file %s is listed twice in this manifest", "Each artifact file appears once; remove the repeated entry."),
    BASE_MODEL_SELF(Level.CATALOG, "%s", "A model cannot derive from itself, and `base_model_relation` needs a `base_model` to relate to."),
    SMOKE_FIELDS(Level.CATALOG, "%s", "A text model's smoke has `prompt` and `max_tokens` (then `expect`); an embedding model's (feature-extraction, sentence-similarity) has `closer` triples (then `values`), and the model has an `embedding` block."),
    ARTIFACT_ROLE(Level.CATALOG, "%s", "An ONNX embedding model lists its weights (`format: onnx`) and its Hugging Face tokenizer.json (`format: json`, `role: tokenizer`)."),
    SMOKE_REGEX(Level.CATALOG, "smoke.expect.regex does not compile: %s", "Write a Java regular expression (java.util.regex); escape backslashes inside double quotes."),
    PLACEHOLDER(Level.CATALOG, "placeholder left by `slmhub new`: %s", "Replace the whole `TODO(slmhub-new)` text (in a comment: the line) with what the manifest needs; see content/docs/contributing.md."),
    URL_UNPINNED(Level.CATALOG, "%s is not pinned to a revision: the file behind it can change while the digest stays", "Use `https://huggingface.co/<repo>/resolve/<commit>/<file>` with the commit the digest was taken at."),
    // Level 4: the artifact itself
    ARTIFACT_UNAVAILABLE(Level.ARTIFACT, "cannot get %s: %s", "Check the URL, or pass `--mirror DIR` with a folder holding the file."),
    ARTIFACT_SIZE(Level.ARTIFACT, "size of %s does not match: %s", "Set `size` to the exact byte count the publisher lists, or fix the URL."),
    ARTIFACT_SHA256(Level.ARTIFACT, "sha256 of %s does not match: %s", "Set `sha256` to the digest the publisher lists, or fix the URL: the file may have changed upstream."),
    GGUF_HEADER(Level.ARTIFACT, "%s is not a readable GGUF file: %s", "Check that `format` is right and the URL points at the file itself, not a web page."),
    GGUF_ARCHITECTURE(Level.ARTIFACT, "architecture: manifest says %s, the GGUF header of %s says %s", "Spell `architecture` as the file's `general.architecture`."),
    GGUF_PARAMETERS(Level.ARTIFACT, "parameters: manifest says %s, the tensors in %s hold %s (more than %s%% apart)", "Set `parameters` to the count the publisher states for these weights."),
    GGUF_CONTEXT(Level.ARTIFACT, "context_length: manifest says %s, the GGUF header of %s says %s", "Use the trained context length the file declares (`<arch>.context_length`)."),
    GGUF_QUANTIZATION(Level.ARTIFACT, "quantization: manifest says %s, the GGUF header of %s says %s", "Set `quantization` to the file type the header declares."),
    GGUF_TOKENIZER(Level.ARTIFACT, "%s has no tokenizer (tokenizer.ggml.model and tokenizer.ggml.tokens)", "A GGUF for inference must embed its tokenizer: convert it again with llama.cpp's convert script."),
    ONNX_HEADER(Level.ARTIFACT, "%s is not a readable ONNX model: %s", "Check that `format` is right and the URL points at the model file itself, not a web page."),
    ONNX_PARAMETERS(Level.ARTIFACT, "parameters: manifest says %s, the initializers in %s hold %s (more than %s%% apart)", "Set `parameters` to the count the publisher states for these weights."),
    ONNX_DIMENSION(Level.ARTIFACT, "embedding.dimension: manifest says %s, the first output of %s ends in %s (%s)", "Set `embedding.dimension` to the length of the vectors the model returns."),
    ONNX_INPUTS(Level.ARTIFACT, "%s takes no input_ids (its inputs: %s)", "An embedding model is fed token ids as `input_ids`: list an export that takes them (e.g. from Hugging Face Optimum)."),
    TOKENIZER_FILE(Level.ARTIFACT, "%s is not a Hugging Face tokenizer.json: %s", "List the model's `tokenizer.json`: a JSON object with a `model` object whose `type` names the tokenizer (WordPiece, BPE, Unigram...).");

    /** Where the contributor guide explains every rule, one section per id. */
    public static final String GUIDE = "content/docs/rules.md";

    private final Level level;
    private final String template;
    private final String hintTemplate;

    Rule(Level level, String template, String hintTemplate) {
        this.level = level;
        this.template = template;
        this.hintTemplate = hintTemplate;
    }

    public String id() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public Level level() {
        return level;
    }

    public String message(Object... args) {
        return String.format(Locale.ROOT, template, args);
    }

    public String hint(Object... args) {
        return String.format(Locale.ROOT, hintTemplate, args);
    }

    public String docLink() {
        return GUIDE + "#" + id();
    }

    /** The validation levels, cheapest first; level 4 needs the files. */
    public enum Level {
        SYNTAX, SCHEMA, CATALOG, ARTIFACT
    }
}
