package org.slmhub.validate;

import java.nio.file.Path;
import java.util.List;
import org.slmhub.catalog.CatalogEntry;
import org.slmhub.catalog.ModelManifest;
import org.slmhub.onnx.OnnxFile;
import org.slmhub.onnx.OnnxFormatException;
import org.slmhub.onnx.OnnxReader;
import org.slmhub.onnx.OnnxValue;
import org.slmhub.onnx.TokenizerFile;
import org.slmhub.onnx.TokenizerFormatException;

/**
 * The level 4 checks of {@link ArtifactCheck} for ONNX models: the graph's parameter count, inputs
 * and embedding dimension against the manifest, and that a tokenizer is a Hugging Face tokenizer.json.
 */
final class OnnxChecks {
    /** The input an embedding model's engine feeds token ids to. */
    static final String INPUT_IDS = "input_ids";

    private OnnxChecks() {
    }

    static void checkOnnx(CatalogEntry entry, ModelManifest.Artifact a, String at, Path file, List<Finding> out) {
        OnnxFile onnx;
        try {
            onnx = OnnxReader.read(file);
        } catch (OnnxFormatException e) {
            out.add(ArtifactCheck.finding(entry, at + "/file", Rule.ONNX_HEADER, Rule.ONNX_HEADER.message(a.file(), e.getMessage())));
            return;
        }
        ModelManifest m = entry.manifest();
        // weights in a data file the manifest does not list are not among its artifacts: nothing to hold `parameters` against
        if (!onnx.externalData() || externalDataListed(m, onnx)) {
            long counted = onnx.parameterCount();
            if (ArtifactCheck.beyondTolerance(counted, m.parameters())) {
                out.add(ArtifactCheck.finding(entry, "/parameters", Rule.ONNX_PARAMETERS,
                        Rule.ONNX_PARAMETERS.message(m.parameters(), a.file(), counted, ArtifactCheck.PARAMETER_TOLERANCE_PERCENT)));
            }
        }
        if (m.embedding() != null) {
            onnx.embeddingDimension().ifPresent(dim -> {
                if (dim != m.embedding().dimension()) {
                    out.add(ArtifactCheck.finding(entry, "/embedding/dimension", Rule.ONNX_DIMENSION,
                            Rule.ONNX_DIMENSION.message(m.embedding().dimension(), a.file(), dim, onnx.outputs().get(0))));
                }
            });
        }
        if (m.embeds() && onnx.input(INPUT_IDS).isEmpty()) {
            String inputs = onnx.inputs().isEmpty() ? "none"
                    : String.join(", ", onnx.inputs().stream().map(OnnxValue::name).toList());
            out.add(ArtifactCheck.finding(entry, at + "/file", Rule.ONNX_INPUTS, Rule.ONNX_INPUTS.message(a.file(), inputs)));
        }
    }

    /** Whether every external data file the model names is an artifact of the manifest. */
    private static boolean externalDataListed(ModelManifest m, OnnxFile onnx) {
        List<String> listed = m.artifacts().stream().map(ModelManifest.Artifact::file).toList();
        return !onnx.externalDataFiles().isEmpty() && onnx.externalDataFiles().stream()
                .allMatch(location -> listed.contains(location.substring(location.lastIndexOf('/') + 1)));
    }

    static void checkTokenizer(CatalogEntry entry, ModelManifest.Artifact a, String at, Path file, List<Finding> out) {
        try {
            TokenizerFile.read(file);
        } catch (TokenizerFormatException e) {
            out.add(ArtifactCheck.finding(entry, at + "/file", Rule.TOKENIZER_FILE, Rule.TOKENIZER_FILE.message(a.file(), e.getMessage())));
        }
    }
}
