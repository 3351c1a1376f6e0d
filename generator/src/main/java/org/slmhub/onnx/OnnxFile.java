package org.slmhub.onnx;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

/**
 * What slmhub reads from an ONNX model (a ModelProto): everything it checks a manifest against,
 * nothing of the weights themselves.
 *
 * @param irVersion         the IR version the file targets (1 or more)
 * @param producerName      the exporting tool, e.g. {@code pytorch}; empty when not given
 * @param producerVersion   its version; empty when not given
 * @param opsetImports      operator set versions by domain; {@code ""} is the default ONNX domain
 * @param inputs            the graph inputs a caller feeds, without initializers that old exporters
 *                          also listed as inputs
 * @param outputs           the graph outputs
 * @param initializerCount  how many initializers (weight tensors) the graph holds
 * @param parameterCount    the sum over the initializers of their element counts
 * @param externalData      whether some initializer keeps its weights in another file
 *                          (TensorProto.data_location EXTERNAL)
 * @param externalDataFiles those files, by the {@code location} the initializers give
 */
public record OnnxFile(
        long irVersion,
        String producerName,
        String producerVersion,
        Map<String, Long> opsetImports,
        List<OnnxValue> inputs,
        List<OnnxValue> outputs,
        long initializerCount,
        long parameterCount,
        boolean externalData,
        Set<String> externalDataFiles) {

    public OnnxFile {
        opsetImports = Collections.unmodifiableMap(new LinkedHashMap<>(opsetImports));
        inputs = List.copyOf(inputs);
        outputs = List.copyOf(outputs);
        externalDataFiles = Set.copyOf(externalDataFiles);
    }

    /** The version of the default ONNX operator set ({@code ai.onnx}, written as {@code ""}). */
    public OptionalLong defaultOpset() {
        Long version = opsetImports.containsKey("") ? opsetImports.get("") : opsetImports.get("ai.onnx");
        return version == null ? OptionalLong.empty() : OptionalLong.of(version);
    }

    public Optional<OnnxValue> input(String name) {
        return inputs.stream().filter(v -> v.name().equals(name)).findFirst();
    }

    /**
     * The embedding dimension of a feature-extraction model: the last dimension of the first
     * output, when it is a fixed size. Empty otherwise.
     */
    public OptionalLong embeddingDimension() {
        if (outputs.isEmpty() || outputs.get(0).dims().isEmpty()) {
            return OptionalLong.empty();
        }
        List<OnnxDimension> dims = outputs.get(0).dims();
        return dims.get(dims.size() - 1) instanceof OnnxDimension.Size size && size.value() > 0
                ? OptionalLong.of(size.value()) : OptionalLong.empty();
    }
}
