package org.slmhub.catalog;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A model as users name it: {@code publisher/model}, optionally with {@code :variant}, where the
 * variant is a quantization ({@code Q4_K_M}) or a file name. Without one, the smallest GGUF file
 * (the one CI smokes), else the smallest file.
 */
public record ModelRef(String id, String variant) {

    public static ModelRef parse(String text) {
        int colon = text.indexOf(':');
        return colon < 0 ? new ModelRef(text, null) : new ModelRef(text.substring(0, colon), text.substring(colon + 1));
    }

    /** The artifact this reference names in the manifest, or a message saying what exists. */
    public Optional<ModelManifest.Artifact> pick(ModelManifest manifest, StringBuilder why) {
        List<ModelManifest.Artifact> weights = manifest.weights().stream()
                .sorted(Comparator.comparing((ModelManifest.Artifact a) -> !a.format().equals("gguf"))
                        .thenComparingLong(ModelManifest.Artifact::size))
                .toList();
        if (variant == null || variant.isEmpty()) {
            return weights.stream().findFirst();
        }
        Optional<ModelManifest.Artifact> byFile = manifest.artifacts().stream().filter(a -> a.file().equals(variant)).findFirst();
        if (byFile.isPresent()) {
            return byFile;
        }
        List<ModelManifest.Artifact> byQuant = weights.stream()
                .filter(a -> a.quantization() != null && a.quantization().equalsIgnoreCase(variant)).toList();
        if (byQuant.size() == 1) {
            return Optional.of(byQuant.get(0));
        }
        why.append(byQuant.isEmpty() ? "no variant `" + variant + "` of " + id : "variant `" + variant + "` of " + id + " is ambiguous")
                .append("; available: ")
                .append(String.join(", ", weights.stream().map(ModelRef::label).toList()));
        return Optional.empty();
    }

    private static String label(ModelManifest.Artifact a) {
        return a.quantization() != null ? a.quantization().toUpperCase(Locale.ROOT) + " (" + a.file() + ")" : a.file();
    }

    @Override
    public String toString() {
        return variant == null ? id : id + ":" + variant;
    }
}
