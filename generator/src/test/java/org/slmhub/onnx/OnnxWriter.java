package org.slmhub.onnx;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes small, valid ONNX models (ModelProto, field numbers from onnx.proto) for tests: the
 * header fields, a graph with nodes, inputs, outputs and initializers whose raw_data holds real
 * bytes, so the reader has payloads to skip.
 */
public final class OnnxWriter {
    public static final int FLOAT = 1;
    public static final int INT64 = 7;
    /** The weight count and embedding dimension of {@link #sampleEmbedder()}. */
    public static final long SAMPLE_PARAMETERS = 328;
    public static final int SAMPLE_DIMENSION = 8;

    private final ProtoBytes header = new ProtoBytes();
    private final ProtoBytes graph = new ProtoBytes();

    /** Starts a model with {@code ir_version}; 0 leaves the field out. */
    public OnnxWriter(long irVersion) {
        if (irVersion != 0) {
            header.varintField(1, irVersion);
        }
    }

    public OnnxWriter producer(String name, String version) {
        header.stringField(2, name).stringField(3, version);
        return this;
    }

    public OnnxWriter opset(String domain, long version) {
        ProtoBytes opset = new ProtoBytes();
        if (!domain.isEmpty()) {
            opset.stringField(1, domain);
        }
        header.messageField(8, opset.varintField(2, version));
        return this;
    }

    /** A node (skipped by the reader): op type and one input and output name. */
    public OnnxWriter node(String opType, String input, String output) {
        graph.messageField(1, new ProtoBytes().stringField(1, input).stringField(2, output).stringField(4, opType));
        return this;
    }

    /** A graph input; each dim is a Number (dim_value), a String (dim_param) or null (neither). */
    public OnnxWriter input(String name, int elementType, Object... dims) {
        graph.messageField(11, valueInfo(name, elementType, dims));
        return this;
    }

    public OnnxWriter output(String name, int elementType, Object... dims) {
        graph.messageField(12, valueInfo(name, elementType, dims));
        return this;
    }

    /** An initializer with packed dims and raw_data of 4 bytes per element. */
    public OnnxWriter initializer(String name, long... dims) {
        return initializer(name, true, null, dims);
    }

    /** An initializer with one dims field per dimension, as proto2 writers emit. */
    public OnnxWriter unpackedInitializer(String name, long... dims) {
        return initializer(name, false, null, dims);
    }

    /** An initializer whose data lives in {@code location}: data_location EXTERNAL, no raw_data. */
    public OnnxWriter externalInitializer(String name, String location, long... dims) {
        return initializer(name, true, location, dims);
    }

    private OnnxWriter initializer(String name, boolean packed, String location, long... dims) {
        ProtoBytes tensor = new ProtoBytes();
        long elements = 1;
        if (packed) {
            ProtoBytes packedDims = new ProtoBytes();
            for (long dim : dims) {
                packedDims.varint(dim);
            }
            tensor.bytesField(1, packedDims.toByteArray());
        } else {
            for (long dim : dims) {
                tensor.varintField(1, dim);
            }
        }
        for (long dim : dims) {
            elements *= dim;
        }
        tensor.varintField(2, FLOAT).stringField(8, name);
        if (location == null) {
            byte[] data = new byte[(int) elements * 4];
            for (int i = 0; i < data.length; i++) {
                data[i] = (byte) (i * 31 + 7);
            }
            tensor.bytesField(9, data);
        } else {
            tensor.messageField(13, new ProtoBytes().stringField(1, "location").stringField(2, location));
            tensor.messageField(13, new ProtoBytes().stringField(1, "offset").stringField(2, "0"));
            tensor.varintField(14, 1);
        }
        graph.messageField(5, tensor);
        return this;
    }

    private static ProtoBytes valueInfo(String name, int elementType, Object... dims) {
        ProtoBytes shape = new ProtoBytes();
        for (Object dim : dims) {
            ProtoBytes d = new ProtoBytes();
            if (dim instanceof Number n) {
                d.varintField(1, n.longValue());
            } else if (dim instanceof String param) {
                d.stringField(2, param);
            }
            shape.messageField(1, d);
        }
        ProtoBytes tensorType = new ProtoBytes().varintField(1, elementType).messageField(2, shape);
        return new ProtoBytes().stringField(1, name).messageField(2, new ProtoBytes().messageField(1, tensorType))
                .stringField(3, "doc of " + name);
    }

    /** The model: header fields, then the graph (field 7) with a name and a doc string. */
    public byte[] bytes() {
        ProtoBytes fullGraph = new ProtoBytes().raw(graph.toByteArray()).stringField(2, "main_graph").stringField(10, "a test graph");
        return new ProtoBytes().raw(header.toByteArray()).messageField(7, fullGraph).toByteArray();
    }

    public Path write(Path file) throws IOException {
        return Files.write(file, bytes());
    }

    /**
     * A feature-extraction model shaped like all-MiniLM-L6-v2, scaled down: inputs input_ids,
     * attention_mask and token_type_ids (INT64 [batch_size, sequence_length]), output
     * last_hidden_state (FLOAT [batch_size, sequence_length, 8]) and 328 weights in three
     * initializers (256 + 64 + 8), one with unpacked dims.
     */
    public static OnnxWriter sampleEmbedder() {
        return new OnnxWriter(8).producer("pytorch", "2.1.0").opset("", 14).opset("com.microsoft", 1)
                .node("Gather", "input_ids", "embedded")
                .node("MatMul", "embedded", "last_hidden_state")
                .initializer("embeddings.word_embeddings.weight", 32, 8)
                .unpackedInitializer("encoder.dense.weight", 8, 8)
                .initializer("encoder.dense.bias", 8)
                .input("input_ids", INT64, "batch_size", "sequence_length")
                .input("attention_mask", INT64, "batch_size", "sequence_length")
                .input("token_type_ids", INT64, "batch_size", "sequence_length")
                .output("last_hidden_state", FLOAT, "batch_size", "sequence_length", 8);
    }
}
