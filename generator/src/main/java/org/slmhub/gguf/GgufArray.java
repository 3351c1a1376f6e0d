package org.slmhub.gguf;

import java.util.List;

/**
 * A metadata array. Small arrays keep their elements; long ones (a tokenizer's 150k tokens,
 * scores and merges) keep only their element type and length, because slmhub needs to know
 * that a vocabulary is there and how big it is, not its contents.
 *
 * @param elementType type of every element
 * @param length      number of elements stored in the file
 * @param elements    the elements, decoded as for {@link GgufFile#metadata()}; empty when elided
 */
public record GgufArray(GgufType elementType, long length, List<Object> elements) {

    public GgufArray {
        elements = List.copyOf(elements);
        if (!elements.isEmpty() && elements.size() != length) {
            throw new IllegalArgumentException(
                    "array keeps " + elements.size() + " of " + length + " elements");
        }
    }

    /** True when the file's elements were skipped and only the length is known. */
    public boolean isElided() {
        return elements.size() < length;
    }
}
