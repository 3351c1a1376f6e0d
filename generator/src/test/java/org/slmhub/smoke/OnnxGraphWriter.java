package org.slmhub.smoke;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes tiny ONNX models by hand (the protobuf wire format of onnx.proto's ModelProto), for the
 * graphs slmhub must refuse or read as they are. Shapes use {@code -1} for a dynamic dimension.
 */
final class OnnxGraphWriter {
    static final int FLOAT = 1;
    static final int INT64 = 7;
    private static final int ATTRIBUTE_INT = 2;

    private OnnxGraphWriter() {
    }

    /** A float input named {@code input} passed through Identity: a graph without input_ids. */
    static Path identity(Path file, String input) throws IOException {
        byte[] graph = new Message()
                .message(1, node("Identity", input, "out", null, 0))
                .string(2, "identity")
                .message(11, valueInfo(input, FLOAT, 1, 3))
                .message(12, valueInfo("out", FLOAT, 1, 3))
                .bytes();
        return write(file, graph);
    }

    /** input_ids cast to float: a "pooled" output [batch, sequence] whose vector is the token ids. */
    static Path idsAsFloats(Path file) throws IOException {
        byte[] graph = new Message()
                .message(1, node("Cast", "input_ids", "embedding", "to", FLOAT))
                .string(2, "ids-as-floats")
                .message(11, valueInfo("input_ids", INT64, -1, -1))
                .message(12, valueInfo("embedding", FLOAT, -1, -1))
                .bytes();
        return write(file, graph);
    }

    /** input_ids cast to float and summed into one number: an output of rank 0. */
    static Path scalarOutput(Path file) throws IOException {
        byte[] graph = new Message()
                .message(1, node("Cast", "input_ids", "floats", "to", FLOAT))
                .message(1, node("ReduceSum", "floats", "sum", "keepdims", 0))
                .string(2, "scalar")
                .message(11, valueInfo("input_ids", INT64, -1, -1))
                .message(12, valueInfo("sum", FLOAT))
                .bytes();
        return write(file, graph);
    }

    private static Path write(Path file, byte[] graph) throws IOException {
        byte[] model = new Message()
                .varint(1, 8) // ir_version
                .message(8, new Message().string(1, "").varint(2, 13).bytes()) // opset_import: ai.onnx 13
                .message(7, graph)
                .bytes();
        return Files.write(file, model);
    }

    private static byte[] node(String op, String input, String output, String attribute, long value) {
        Message node = new Message().string(1, input).string(2, output).string(4, op);
        if (attribute != null) {
            node.message(5, new Message().string(1, attribute).varint(3, value).varint(20, ATTRIBUTE_INT).bytes());
        }
        return node.bytes();
    }

    private static byte[] valueInfo(String name, int elementType, long... dims) {
        Message shape = new Message();
        for (long dim : dims) {
            shape.message(1, dim < 0 ? new Message().string(2, "d" + shape.size()).bytes() : new Message().varint(1, dim).bytes());
        }
        byte[] tensor = new Message().varint(1, elementType).message(2, shape.bytes()).bytes();
        return new Message().string(1, name).message(2, new Message().message(1, tensor).bytes()).bytes();
    }

    /** A protobuf message: fields written as varints or length-delimited bytes. */
    private static final class Message {
        private final ByteArrayOutputStream out = new ByteArrayOutputStream();

        Message varint(int field, long value) {
            raw((long) field << 3);
            raw(value);
            return this;
        }

        Message string(int field, String value) {
            return message(field, value.getBytes(StandardCharsets.UTF_8));
        }

        Message message(int field, byte[] value) {
            raw((long) field << 3 | 2);
            raw(value.length);
            out.writeBytes(value);
            return this;
        }

        int size() {
            return out.size();
        }

        byte[] bytes() {
            return out.toByteArray();
        }

        private void raw(long value) {
            while ((value & ~0x7FL) != 0) {
                out.write((int) (value & 0x7F) | 0x80);
                value >>>= 7;
            }
            out.write((int) value);
        }
    }
}
