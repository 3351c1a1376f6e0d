package org.slmhub.validate;

import java.util.ArrayList;
import java.util.List;
import org.slmhub.catalog.CatalogEntry;
import org.slmhub.catalog.ModelManifest;

/**
 * Level 3: the fields that depend on the task. A text model is smoke-tested by continuing a prompt,
 * an embedding model by comparing sentences, so each kind of {@code smoke} block has its own
 * fields, and an embedding model's smoke needs its {@code embedding} block and a tokenizer.
 */
final class SmokeFieldRules {
    static final String TEXT_FIELDS = "`prompt` and `max_tokens`";
    static final String EMBEDDING_FIELDS = "`closer`";

    List<Finding> check(CatalogEntry entry) {
        List<Finding> out = new ArrayList<>();
        ModelManifest m = entry.manifest();
        String task = m.pipelineTag();
        if (m.embedding() != null && !m.embeds()) {
            out.add(error(entry, "/embedding", Rule.SMOKE_FIELDS, "`embedding` is for embedding models, but pipeline_tag is " + task));
        }
        checkRoles(entry, out);
        ModelManifest.Smoke smoke = m.smoke();
        if (smoke == null) {
            return out;
        }
        if (m.embeds()) {
            foreign(entry, out, task, smoke.prompt() != null, "prompt");
            foreign(entry, out, task, smoke.maxTokens() != null, "max_tokens");
            foreign(entry, out, task, smoke.expect() != null, "expect");
            if (smoke.closer().isEmpty()) {
                out.add(error(entry, "/smoke", Rule.SMOKE_FIELDS, "smoke needs " + EMBEDDING_FIELDS + " for a " + task + " model"));
            }
            if (m.embedding() == null) {
                out.add(error(entry, "/smoke", Rule.SMOKE_FIELDS,
                        "a " + task + " model with a smoke block needs `embedding` (dimension, max_sequence_length, pooling)"));
            } else if (smoke.values() != null && smoke.values().first().size() > m.embedding().dimension()) {
                out.add(error(entry, "/smoke/values/first", Rule.SMOKE_FIELDS, "smoke.values.first holds " + smoke.values().first().size()
                        + " values, more than embedding.dimension " + m.embedding().dimension()));
            }
            checkSmokeFiles(entry, out);
        } else {
            foreign(entry, out, task, !smoke.closer().isEmpty(), "closer");
            foreign(entry, out, task, smoke.values() != null, "values");
            if (smoke.prompt() == null || smoke.maxTokens() == null) {
                out.add(error(entry, "/smoke", Rule.SMOKE_FIELDS, "smoke needs " + TEXT_FIELDS + " for a " + task + " model"));
            }
        }
        return out;
    }

    private static void foreign(CatalogEntry entry, List<Finding> out, String task, boolean present, String field) {
        if (present) {
            out.add(error(entry, "/smoke/" + field, Rule.SMOKE_FIELDS, "smoke." + field + " does not apply to a " + task + " model"));
        }
    }

    private static void checkRoles(CatalogEntry entry, List<Finding> out) {
        List<ModelManifest.Artifact> artifacts = entry.manifest().artifacts();
        for (int i = 0; i < artifacts.size(); i++) {
            ModelManifest.Artifact a = artifacts.get(i);
            boolean tokenizer = ModelManifest.Artifact.TOKENIZER.equals(a.role());
            if (tokenizer != a.format().equals("json")) {
                out.add(error(entry, "/artifacts/" + i + (tokenizer ? "/format" : "/role"), Rule.ARTIFACT_ROLE,
                        "artifacts[" + i + "]: a tokenizer is `format: json` with `role: tokenizer`, found format " + a.format()
                                + " with role " + (a.role() == null ? "weights (the default)" : a.role())));
            }
        }
    }

    /** ONNX weights are smoke-tested with their tokenizer: both must be listed. GGUF files embed theirs. */
    private static void checkSmokeFiles(CatalogEntry entry, List<Finding> out) {
        ModelManifest m = entry.manifest();
        boolean onnx = m.weights().stream().anyMatch(a -> a.format().equals("onnx"));
        long tokenizers = m.artifacts().stream().filter(a -> ModelManifest.Artifact.TOKENIZER.equals(a.role())).count();
        if (onnx && tokenizers != 1) {
            out.add(error(entry, "/artifacts", Rule.ARTIFACT_ROLE,
                    "an ONNX embedding model with a smoke block needs exactly one `role: tokenizer` artifact, found " + tokenizers));
        }
    }

    /** At the field's key: these findings are about a field being there or not, not about its value. */
    private static Finding error(CatalogEntry entry, String pointer, Rule rule, String message) {
        return Finding.error(entry.file(), entry.yaml().keyPosition(pointer), rule, rule.message(message), rule.hint());
    }
}
