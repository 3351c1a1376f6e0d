package org.slmhub.smoke;

import ai.onnxruntime.NodeInfo;
import ai.onnxruntime.OnnxJavaType;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import ai.onnxruntime.TensorInfo;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What slmhub feeds an ONNX feature-extraction graph and what it reads from it: the inputs the
 * graph declares among {@value #INPUT_IDS}, {@value #ATTENTION_MASK} and {@value #TOKEN_TYPE_IDS}
 * (int64 {@code [batch, sequence]}), and its first output, per token ({@code [batch, sequence,
 * dimension]}, to be pooled) or per sentence ({@code [batch, dimension]}, used as is).
 *
 * @param inputs      the names to feed, in the graph's order
 * @param output      the first output's name
 * @param outputRank  3 (per token) or 2 (pooled by the model)
 */
record EmbeddingGraph(List<String> inputs, String output, int outputRank) {
    static final String INPUT_IDS = "input_ids";
    static final String ATTENTION_MASK = "attention_mask";
    static final String TOKEN_TYPE_IDS = "token_type_ids";
    private static final List<String> FED = List.of(INPUT_IDS, ATTENTION_MASK, TOKEN_TYPE_IDS);

    /** Reads a loaded session's declared inputs and outputs; the message of a failure is one line. */
    static EmbeddingGraph of(OrtSession session) throws OrtException, UnusableGraphException {
        Map<String, NodeInfo> declared = session.getInputInfo();
        if (!declared.containsKey(INPUT_IDS)) {
            throw new UnusableGraphException("the graph has no input named " + INPUT_IDS + "; its inputs: "
                    + String.join(", ", declared.keySet()));
        }
        List<String> inputs = new ArrayList<>();
        for (NodeInfo input : declared.values()) {
            if (!FED.contains(input.getName())) {
                throw new UnusableGraphException("the graph needs an input named " + input.getName() + "; slmhub feeds only "
                        + String.join(", ", FED));
            }
            if (!(input.getInfo() instanceof TensorInfo tensor) || tensor.type != OnnxJavaType.INT64 || tensor.getShape().length != 2) {
                throw new UnusableGraphException("input " + input.getName() + " is " + input.getInfo()
                        + "; slmhub feeds int64 tensors [batch, sequence]");
            }
            inputs.add(input.getName());
        }
        NodeInfo first = session.getOutputInfo().values().iterator().next();
        if (!(first.getInfo() instanceof TensorInfo tensor) || tensor.type != OnnxJavaType.FLOAT) {
            throw new UnusableGraphException("the first output, " + first.getName() + ", is " + first.getInfo()
                    + "; slmhub reads a float tensor");
        }
        int rank = tensor.getShape().length;
        if (rank != 2 && rank != 3) {
            throw new UnusableGraphException(unexpectedRank(first.getName(), rank));
        }
        return new EmbeddingGraph(List.copyOf(inputs), first.getName(), rank);
    }

    static final String SHAPES_READ = "slmhub reads [batch, sequence, dimension] (pooled here) or [batch, dimension]";

    static String unexpectedRank(String output, int rank) {
        return "the first output, " + output + ", has rank " + rank + "; " + SHAPES_READ;
    }

    /** A graph slmhub cannot feed or read. */
    static final class UnusableGraphException extends Exception {
        UnusableGraphException(String message) {
            super(message);
        }
    }
}
