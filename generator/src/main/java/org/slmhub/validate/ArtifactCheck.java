package org.slmhub.validate;

import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.slmhub.artifact.ArtifactException;
import org.slmhub.artifact.ArtifactRef;
import org.slmhub.artifact.ArtifactStore;
import org.slmhub.catalog.CatalogEntry;
import org.slmhub.catalog.ModelManifest;
import org.slmhub.catalog.SourcePosition;
import org.slmhub.gguf.GgufFile;
import org.slmhub.gguf.GgufFormatException;
import org.slmhub.gguf.GgufReader;

/**
 * Level 4: gets every artifact of a manifest through the verified store and checks the file
 * against what the manifest claims: size and digest, then for GGUF the header's architecture,
 * parameter count, context length, file type and tokenizer; for ONNX weights the graph's
 * parameter count, inputs and embedding dimension; for a tokenizer that it is a tokenizer.json.
 */
public final class ArtifactCheck {
    /** How far the declared parameter count may be from the tensors' (tied embeddings, "0.5B" rounding). */
    public static final int PARAMETER_TOLERANCE_PERCENT = 10;
    /** What a finding says the header holds when it names no architecture. */
    static final String NO_ARCHITECTURE = "nothing (no general.architecture string)";

    private final ArtifactStore store;

    public ArtifactCheck(ArtifactStore store) {
        this.store = store;
    }

    public List<Finding> check(CatalogEntry entry) {
        List<Finding> out = new ArrayList<>();
        List<ModelManifest.Artifact> artifacts = entry.manifest().artifacts();
        for (int i = 0; i < artifacts.size(); i++) {
            ModelManifest.Artifact a = artifacts.get(i);
            String at = "/artifacts/" + i;
            Path file = fetch(entry, a, at, out);
            if (file == null) {
                continue;
            }
            if (ModelManifest.Artifact.TOKENIZER.equals(a.role())) {
                OnnxChecks.checkTokenizer(entry, a, at, file, out);
            } else if (a.format().equals("gguf")) {
                checkGguf(entry, a, at, file, out);
            } else if (a.format().equals("onnx") && a.holdsWeights()) {
                OnnxChecks.checkOnnx(entry, a, at, file, out);
            }
        }
        return out;
    }

    private Path fetch(CatalogEntry entry, ModelManifest.Artifact a, String at, List<Finding> out) {
        try {
            return store.resolve(new ArtifactRef(a.file(), URI.create(a.url()), a.sha256(), a.size())).path();
        } catch (ArtifactException e) {
            if (e.kind() == ArtifactException.Kind.CHECKSUM_MISMATCH) {
                out.add(finding(entry, at + "/sha256", Rule.ARTIFACT_SHA256, Rule.ARTIFACT_SHA256.message(a.file(), e.getMessage())));
            } else if (e.kind() == ArtifactException.Kind.SIZE_MISMATCH || e.kind() == ArtifactException.Kind.TOO_LONG) {
                out.add(finding(entry, at + "/size", Rule.ARTIFACT_SIZE, Rule.ARTIFACT_SIZE.message(a.file(), e.getMessage())));
            } else {
                out.add(finding(entry, at + "/url", Rule.ARTIFACT_UNAVAILABLE, Rule.ARTIFACT_UNAVAILABLE.message(a.file(), e.getMessage())));
            }
            return null;
        }
    }

    private void checkGguf(CatalogEntry entry, ModelManifest.Artifact a, String at, Path file, List<Finding> out) {
        GgufFile gguf;
        try {
            gguf = GgufReader.read(file);
        } catch (GgufFormatException e) {
            out.add(finding(entry, at + "/file", Rule.GGUF_HEADER, Rule.GGUF_HEADER.message(a.file(), e.getMessage())));
            return;
        }
        ModelManifest m = entry.manifest();
        // llama.cpp loads nothing without general.architecture, so a missing one contradicts any manifest
        String arch = gguf.architecture().orElse(NO_ARCHITECTURE);
        if (!arch.equals(m.architecture())) {
            out.add(finding(entry, "/architecture", Rule.GGUF_ARCHITECTURE, Rule.GGUF_ARCHITECTURE.message(m.architecture(), a.file(), arch)));
        }
        long counted = gguf.parameterCount();
        if (beyondTolerance(counted, m.parameters())) {
            out.add(finding(entry, "/parameters", Rule.GGUF_PARAMETERS,
                    Rule.GGUF_PARAMETERS.message(m.parameters(), a.file(), counted, PARAMETER_TOLERANCE_PERCENT)));
        }
        gguf.contextLength().ifPresent(ctx -> {
            if (ctx != m.contextLength()) {
                out.add(finding(entry, "/context_length", Rule.GGUF_CONTEXT, Rule.GGUF_CONTEXT.message(m.contextLength(), a.file(), ctx)));
            }
        });
        if (a.quantization() != null) {
            gguf.quantization().filter(q -> !quantizationMatches(a.quantization(), q, gguf.fileType().isPresent())).ifPresent(q -> out.add(
                    finding(entry, at + "/quantization", Rule.GGUF_QUANTIZATION, Rule.GGUF_QUANTIZATION.message(a.quantization(), a.file(), q))));
        }
        if (!gguf.hasTokenizer()) {
            out.add(finding(entry, at + "/file", Rule.GGUF_TOKENIZER, Rule.GGUF_TOKENIZER.message(a.file())));
        }
    }

    /** In double: a file may claim up to 2^63 weights, and the long products would overflow. */
    static boolean beyondTolerance(long counted, long declared) {
        return Math.abs((double) counted - declared) * 100 > (double) PARAMETER_TOLERANCE_PERCENT * counted;
    }

    /**
     * With general.file_type the names must agree exactly. Without it the reader infers the tensor
     * type ("Q4_K"), which cannot tell Q4_K_S from Q4_K_M, so a declared name it begins is enough.
     */
    static boolean quantizationMatches(String declared, String found, boolean fromFileType) {
        String d = declared.toUpperCase(Locale.ROOT);
        String f = found.toUpperCase(Locale.ROOT);
        return fromFileType ? d.equals(f) : d.equals(f) || d.startsWith(f + "_");
    }

    static Finding finding(CatalogEntry entry, String pointer, Rule rule, String message) {
        SourcePosition pos = entry.at(pointer);
        return Finding.error(entry.file(), pos, rule, message, rule.hint());
    }
}
