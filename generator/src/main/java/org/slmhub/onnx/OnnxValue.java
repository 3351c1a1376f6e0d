package org.slmhub.onnx;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A graph input or output (ONNX's ValueInfoProto) as slmhub reads it.
 *
 * @param name        the name a runtime binds it by, e.g. {@code input_ids}
 * @param elementType the tensor element type's name, e.g. {@code INT64} or {@code FLOAT}
 *                    (see {@link OnnxDataType}); {@code UNDEFINED} for a value that is not a tensor
 * @param dims        the shape; empty for a scalar or when the file gives no shape
 */
public record OnnxValue(String name, String elementType, List<OnnxDimension> dims) {

    public OnnxValue {
        dims = List.copyOf(dims);
    }

    /** E.g. {@code input_ids: INT64[batch_size, sequence_length]}. */
    @Override
    public String toString() {
        return name + ": " + elementType + dims.stream().map(Object::toString).collect(Collectors.joining(", ", "[", "]"));
    }
}
