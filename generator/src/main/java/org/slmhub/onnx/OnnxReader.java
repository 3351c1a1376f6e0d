package org.slmhub.onnx;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads an ONNX model (a protobuf ModelProto, field numbers from onnx.proto) for what slmhub
 * checks: IR version, producer, opset imports, the graph's inputs and outputs, and the
 * initializers' shapes. Nodes and weights are skipped by moving past them, never read, so a
 * 500 MB model costs about as much as its names.
 */
public final class OnnxReader {
    /** Names, shapes and producer text kept from one file; real models keep well under 1 MiB. */
    static final long MAX_KEPT_BYTES = 16L << 20;
    /** What one kept input, output or dimension is charged besides its text. */
    private static final int ENTRY_BYTES = 32;

    private final ProtoInput in;
    private long keptBytes;
    private long irVersion;
    private long irVersionAt = -1;
    private boolean hasGraph;
    private String producerName = "";
    private String producerVersion = "";
    private final Map<String, Long> opsets = new LinkedHashMap<>();
    private final List<OnnxValue> inputs = new ArrayList<>();
    private final List<OnnxValue> outputs = new ArrayList<>();
    private final Set<String> initializerNames = new HashSet<>();
    private long initializerCount;
    private long parameterCount;
    private boolean externalData;
    private final Set<String> externalDataFiles = new LinkedHashSet<>();

    private OnnxReader(ProtoInput in) {
        this.in = in;
    }

    /** Reads {@code file}; a file that cannot be opened is reported the same way. */
    public static OnnxFile read(Path file) throws OnnxFormatException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            return new OnnxReader(new ProtoInput(channel, channel.size())).model();
        } catch (IOException e) {
            // NoSuchFileException and friends carry only the path as their message
            String reason = e.getMessage() == null || e.getMessage().equals(file.toString())
                    ? e.getClass().getSimpleName() : e.getClass().getSimpleName() + ": " + e.getMessage();
            throw new OnnxFormatException("cannot read " + file + ": " + reason, 0, e);
        }
    }

    private OnnxFile model() throws OnnxFormatException {
        long end = in.size();
        long opsetIndex = 0;
        while (in.position() < end) {
            ProtoInput.Key key = in.key(end);
            switch (key.number()) {
                case 1 -> {
                    irVersionAt = key.at();
                    irVersion = varint(key, end, "ir_version");
                }
                case 2 -> producerName = text(key, end, "producer_name");
                case 3 -> producerVersion = text(key, end, "producer_version");
                case 7 -> {
                    hasGraph = true;
                    graph(payload(key, end, "graph"));
                }
                case 8 -> {
                    opsetIndex++;
                    try {
                        opset(payload(key, end, "opset_import"));
                    } catch (OnnxFormatException e) {
                        throw e.within("opset_import " + opsetIndex);
                    }
                }
                default -> in.skip(key, end);
            }
        }
        if (irVersionAt < 0) {
            throw new OnnxFormatException("not an ONNX model: no ir_version (ModelProto field 1) in the "
                    + end + "-byte file", 0);
        }
        if (irVersion <= 0) {
            throw new OnnxFormatException("ir_version " + irVersion + " at offset " + irVersionAt
                    + " is not a positive number", irVersionAt);
        }
        if (!hasGraph) {
            throw new OnnxFormatException("not an ONNX model: no graph (ModelProto field 7) in the "
                    + end + "-byte file", end);
        }
        // old exporters listed every initializer among the inputs as well; a caller feeds only the rest
        List<OnnxValue> fed = inputs.stream().filter(v -> !initializerNames.contains(v.name())).toList();
        return new OnnxFile(irVersion, producerName, producerVersion, opsets, fed, outputs,
                initializerCount, parameterCount, externalData, externalDataFiles);
    }

    private void opset(long end) throws OnnxFormatException {
        String domain = "";
        long version = 0;
        while (in.position() < end) {
            ProtoInput.Key key = in.key(end);
            switch (key.number()) {
                case 1 -> domain = text(key, end, "domain");
                case 2 -> version = varint(key, end, "version");
                default -> in.skip(key, end);
            }
        }
        // a model binds each operator to the highest version imported for its domain
        opsets.merge(domain, version, Math::max);
    }

    private void graph(long end) throws OnnxFormatException {
        while (in.position() < end) {
            ProtoInput.Key key = in.key(end);
            switch (key.number()) {
                case 5 -> {
                    initializerCount++;
                    try {
                        initializer(payload(key, end, "initializer"));
                    } catch (OnnxFormatException e) {
                        throw e.within("initializer " + initializerCount);
                    }
                }
                case 11 -> inputs.add(valueInfo(key, end, "input", inputs.size() + 1));
                case 12 -> outputs.add(valueInfo(key, end, "output", outputs.size() + 1));
                default -> in.skip(key, end); // nodes, value_info, doc_string...
            }
        }
    }

    /** A TensorProto: its dims count towards the parameters; raw_data and the typed data fields are skipped. */
    private void initializer(long end) throws OnnxFormatException {
        long elements = 1;
        String name = "";
        boolean external = false;
        List<String> locations = new ArrayList<>();
        while (in.position() < end) {
            ProtoInput.Key key = in.key(end);
            switch (key.number()) {
                case 1 -> {
                    if (key.wireType() == ProtoInput.LENGTH_DELIMITED) { // packed, as proto3 writers do
                        long dimsEnd = in.payloadEnd(end, "dims");
                        while (in.position() < dimsEnd) {
                            elements = timesDim(elements, in.position(), in.varint(dimsEnd, "dim"));
                        }
                    } else {
                        elements = timesDim(elements, in.position(), varint(key, end, "dims"));
                    }
                }
                case 8 -> name = text(key, end, "name");
                case 13 -> externalDataEntry(payload(key, end, "external_data"), locations);
                case 14 -> external = varint(key, end, "data_location") == 1;
                default -> in.skip(key, end);
            }
        }
        initializerNames.add(name);
        if (external) {
            externalData = true;
            externalDataFiles.addAll(locations);
        }
        try {
            parameterCount = Math.addExact(parameterCount, elements);
        } catch (ArithmeticException e) {
            throw new OnnxFormatException("the initializers hold more than 2^63-1 elements in all, at offset " + end, end);
        }
    }

    private static long timesDim(long elements, long at, long dim) throws OnnxFormatException {
        if (dim < 0) {
            throw new OnnxFormatException("negative dimension " + dim + " at offset " + at, at);
        }
        try {
            return Math.multiplyExact(elements, dim);
        } catch (ArithmeticException e) {
            throw new OnnxFormatException("dimension " + dim + " at offset " + at
                    + " makes the element count exceed 2^63-1", at);
        }
    }

    /** A StringStringEntryProto of external_data; only {@code location} is kept. */
    private void externalDataEntry(long end, List<String> locations) throws OnnxFormatException {
        String key = "";
        String value = "";
        while (in.position() < end) {
            ProtoInput.Key field = in.key(end);
            switch (field.number()) {
                case 1 -> key = text(field, end, "key");
                case 2 -> value = text(field, end, "value");
                default -> in.skip(field, end);
            }
        }
        if (key.equals("location")) {
            locations.add(value);
        }
    }

    private OnnxValue valueInfo(ProtoInput.Key key, long end, String what, int index) throws OnnxFormatException {
        try {
            long valueEnd = payload(key, end, what);
            keep(ENTRY_BYTES, valueEnd);
            String name = "";
            String elementType = OnnxDataType.name(0);
            List<OnnxDimension> dims = new ArrayList<>();
            while (in.position() < valueEnd) {
                ProtoInput.Key field = in.key(valueEnd);
                switch (field.number()) {
                    case 1 -> name = text(field, valueEnd, "name");
                    case 2 -> elementType = type(payload(field, valueEnd, "type"), elementType, dims);
                    default -> in.skip(field, valueEnd);
                }
            }
            return new OnnxValue(name, elementType, dims);
        } catch (OnnxFormatException e) {
            throw e.within("graph " + what + " " + index);
        }
    }

    /** A TypeProto: only tensor_type is read; sequences, maps and the like stay UNDEFINED. */
    private String type(long end, String elementType, List<OnnxDimension> dims) throws OnnxFormatException {
        String found = elementType;
        while (in.position() < end) {
            ProtoInput.Key key = in.key(end);
            if (key.number() == 1) {
                found = tensorType(payload(key, end, "tensor_type"), found, dims);
            } else {
                in.skip(key, end);
            }
        }
        return found;
    }

    private String tensorType(long end, String elementType, List<OnnxDimension> dims) throws OnnxFormatException {
        String found = elementType;
        while (in.position() < end) {
            ProtoInput.Key key = in.key(end);
            switch (key.number()) {
                case 1 -> found = OnnxDataType.name(varint(key, end, "elem_type"));
                case 2 -> shape(payload(key, end, "shape"), dims);
                default -> in.skip(key, end);
            }
        }
        return found;
    }

    private void shape(long end, List<OnnxDimension> dims) throws OnnxFormatException {
        while (in.position() < end) {
            ProtoInput.Key key = in.key(end);
            if (key.number() == 1) {
                long dimEnd = payload(key, end, "dim");
                keep(ENTRY_BYTES, dimEnd);
                dims.add(dimension(dimEnd));
            } else {
                in.skip(key, end);
            }
        }
    }

    /** A TensorShapeProto.Dimension: dim_value and dim_param are a oneof, so the last one set counts. */
    private OnnxDimension dimension(long end) throws OnnxFormatException {
        OnnxDimension dim = new OnnxDimension.Unknown();
        while (in.position() < end) {
            ProtoInput.Key key = in.key(end);
            switch (key.number()) {
                case 1 -> dim = new OnnxDimension.Size(varint(key, end, "dim_value"));
                case 2 -> dim = new OnnxDimension.Symbol(text(key, end, "dim_param"));
                default -> in.skip(key, end);
            }
        }
        return dim;
    }

    private long varint(ProtoInput.Key key, long end, String what) throws OnnxFormatException {
        expect(key, ProtoInput.VARINT, what, "varint");
        return in.varint(end, what);
    }

    private long payload(ProtoInput.Key key, long end, String what) throws OnnxFormatException {
        expect(key, ProtoInput.LENGTH_DELIMITED, what, "length-delimited");
        return in.payloadEnd(end, what);
    }

    private String text(ProtoInput.Key key, long end, String what) throws OnnxFormatException {
        long textEnd = payload(key, end, what);
        keep(textEnd - in.position(), in.position());
        return in.utf8(textEnd);
    }

    private static void expect(ProtoInput.Key key, int wireType, String what, String wireName) throws OnnxFormatException {
        if (key.wireType() != wireType) {
            throw new OnnxFormatException(what + " (field " + key.number() + ") at offset " + key.at()
                    + " has wire type " + key.wireType() + ", expected " + wireName, key.at());
        }
    }

    /** Charges what is kept in memory, so no file makes the reader hold more than the limit. */
    private void keep(long bytes, long at) throws OnnxFormatException {
        keptBytes += bytes;
        if (keptBytes > MAX_KEPT_BYTES) {
            throw new OnnxFormatException("names and shapes exceed slmhub's limit of 16 MiB per model at offset " + at, at);
        }
    }
}
