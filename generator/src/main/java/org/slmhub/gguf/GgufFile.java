package org.slmhub.gguf;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The header of a GGUF file: its metadata and tensor table. Tensor data is never read.
 *
 * @param version    GGUF version, 2 or 3
 * @param metadata   key/value pairs in file order; values are Integer (UINT8 to INT32), Long
 *                   (UINT32, INT64, UINT64), Float, Double, Boolean, String or {@link GgufArray}
 * @param tensors    the tensor table in file order
 * @param dataOffset file offset where tensor data starts (after alignment padding)
 */
public record GgufFile(int version, Map<String, Object> metadata, List<TensorInfo> tensors, long dataOffset) {

    public GgufFile {
        metadata = Collections.unmodifiableMap(new LinkedHashMap<>(metadata));
        tensors = List.copyOf(tensors);
    }

    /** A string-valued key; empty when absent or not a string. */
    public Optional<String> string(String key) {
        return metadata.get(key) instanceof String text ? Optional.of(text) : Optional.empty();
    }

    /** An integer-valued key of any integer type; empty when absent or not an integer. */
    public OptionalLong integer(String key) {
        Object value = metadata.get(key);
        return value instanceof Integer || value instanceof Long
                ? OptionalLong.of(((Number) value).longValue()) : OptionalLong.empty();
    }

    public Optional<String> architecture() {
        return string("general.architecture");
    }

    public Optional<String> name() {
        return string("general.name");
    }

    public Optional<String> license() {
        return string("general.license");
    }

    public Optional<String> chatTemplate() {
        return string("tokenizer.chat_template");
    }

    /** {@code <architecture>.context_length}: the context the model was built for. */
    public OptionalLong contextLength() {
        return architecture().map(arch -> integer(arch + ".context_length")).orElse(OptionalLong.empty());
    }

    /** Sum of every tensor's element count: the "model params" figure llama.cpp prints. */
    public long parameterCount() {
        return tensors.stream().mapToLong(TensorInfo::elementCount).sum();
    }

    /** {@code general.file_type}, a {@link LlamaFileType} code. */
    public OptionalInt fileType() {
        OptionalLong value = integer("general.file_type");
        return value.isPresent() && value.getAsLong() == (int) value.getAsLong()
                ? OptionalInt.of((int) value.getAsLong()) : OptionalInt.empty();
    }

    /**
     * The quantization name, e.g. {@code Q4_K_M}: from {@code general.file_type} when it holds a
     * known code, else inferred from the tensor table: the ggml type name (e.g. {@code Q8_0},
     * {@code F32}) when every tensor of two or more dimensions has that one type. Mixed types
     * give empty, because which mix a name stands for is llama-quantize's choice, not the file's.
     */
    public Optional<String> quantization() {
        OptionalInt fileType = fileType();
        Optional<LlamaFileType> named = fileType.isPresent()
                ? LlamaFileType.ofCode(fileType.getAsInt()) : Optional.empty();
        return named.map(Enum::name).or(this::weightTypeName);
    }

    private Optional<String> weightTypeName() {
        Set<Integer> weightTypes = tensors.stream()
                .filter(tensor -> tensor.dimensionCount() >= 2)
                .map(TensorInfo::ggmlType)
                .collect(Collectors.toSet());
        return weightTypes.size() == 1
                ? GgmlType.ofCode(weightTypes.iterator().next()).map(Enum::name) : Optional.empty();
    }

    /** A usable vocabulary: a tokenizer model name and a non-empty token list. */
    public boolean hasTokenizer() {
        return string("tokenizer.ggml.model").isPresent()
                && metadata.get("tokenizer.ggml.tokens") instanceof GgufArray tokens
                && tokens.length() > 0;
    }
}
