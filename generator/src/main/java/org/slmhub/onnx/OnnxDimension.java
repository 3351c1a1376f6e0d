package org.slmhub.onnx;

/** One dimension of a graph input's or output's shape: a size, a symbolic name, or neither. */
public sealed interface OnnxDimension {

    /** A fixed size, e.g. 384. */
    record Size(long value) implements OnnxDimension {
        @Override
        public String toString() {
            return Long.toString(value);
        }
    }

    /** A size named by the exporter and fixed at run time, e.g. {@code batch_size}. */
    record Symbol(String name) implements OnnxDimension {
        @Override
        public String toString() {
            return name;
        }
    }

    /** A dimension the file leaves open without naming it. */
    record Unknown() implements OnnxDimension {
        @Override
        public String toString() {
            return "?";
        }
    }
}
