package org.slmhub.onnx;

import java.util.List;

/** Names of ONNX's TensorProto.DataType codes, as onnx.proto spells them. */
public final class OnnxDataType {
    private static final List<String> NAMES = List.of("UNDEFINED", "FLOAT", "UINT8", "INT8", "UINT16", "INT16",
            "INT32", "INT64", "STRING", "BOOL", "FLOAT16", "DOUBLE", "UINT32", "UINT64", "COMPLEX64", "COMPLEX128",
            "BFLOAT16", "FLOAT8E4M3FN", "FLOAT8E4M3FNUZ", "FLOAT8E5M2", "FLOAT8E5M2FNUZ", "UINT4", "INT4",
            "FLOAT4E2M1", "FLOAT8E8M0");

    private OnnxDataType() {
    }

    /** The name of {@code code}; a code newer than this list reads {@code TYPE_<code>}. */
    public static String name(long code) {
        return code >= 0 && code < NAMES.size() ? NAMES.get((int) code) : "TYPE_" + code;
    }
}
