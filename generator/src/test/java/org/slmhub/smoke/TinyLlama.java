package org.slmhub.smoke;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A llama-architecture GGUF that llama.cpp loads and runs in milliseconds: random F32 weights,
 * one or two layers of width 32, and a SentencePiece ("llama") vocabulary of 161 tokens. Its
 * text is gibberish, but greedy decoding makes the gibberish repeatable.
 *
 * <p>The keys and tensors are those of stories260K.gguf, which llama.cpp runs. The vocabulary
 * follows llama-vocab.cpp's needs for an SPM model: {@code <unk>}, {@code <s>}, {@code </s>} at
 * 0, 1 and 2, byte tokens that the tokenizer falls back to for characters it has no token for
 * (its newline id is looked up as {@code <0x0A>}), and {@code ▁}, the SPM space, which has no byte
 * token here. Only the 128 ASCII byte tokens are included: a token can then never end inside a
 * UTF-8 character, which llama.cpp's streaming would hold back and send together with the next
 * token, so every streamed piece is exactly one token.
 */
public final class TinyLlama {
    /** The ChatML template; llama.cpp recognises it without Jinja by its {@code <|im_start|>}. */
    public static final String CHATML = "{% for message in messages %}{{'<|im_start|>' + message['role'] + '\\n' + message['content']"
            + " + '<|im_end|>' + '\\n'}}{% endfor %}{% if add_generation_prompt %}{{ '<|im_start|>assistant\\n' }}{% endif %}";

    private static final int EMBEDDING = 32;
    private static final int HEADS = 2;
    private static final int FEED_FORWARD = 64;
    private static final int CONTEXT = 512;
    private static final int TOKEN_NORMAL = 1;
    private static final int TOKEN_UNKNOWN = 2;
    private static final int TOKEN_CONTROL = 3;
    private static final int TOKEN_BYTE = 6;
    /** Merge chains: SPM only merges two adjacent pieces whose concatenation is itself a token. */
    private static final List<String> PIECES = List.of("▁", "▁O", "▁On", "▁Onc", "▁Once", "▁u", "▁up", "▁upo", "▁upon",
            "▁a", "▁t", "▁ti", "▁tim", "▁time", "▁th", "▁the", "▁H", "▁He", "▁Hel", "▁Hell", "▁Hello", "e", "t", "o", "n",
            "in", "er", "he", "ll", "!");

    private TinyLlama() {
    }

    /** One layer, no chat template. */
    public static Path write(Path file) throws IOException {
        return write(file, 1, null);
    }

    /** @param chatTemplate written as {@code tokenizer.chat_template}; null writes none */
    public static Path write(Path file, int layers, String chatTemplate) throws IOException {
        List<String> tokens = new ArrayList<>(List.of("<unk>", "<s>", "</s>"));
        List<Integer> types = new ArrayList<>(List.of(TOKEN_UNKNOWN, TOKEN_CONTROL, TOKEN_CONTROL));
        List<Float> scores = new ArrayList<>(List.of(0f, 0f, 0f));
        for (int b = 0; b < 128; b++) {
            tokens.add(String.format("<0x%02X>", b));
            types.add(TOKEN_BYTE);
            scores.add(0f);
        }
        for (String piece : PIECES) {
            tokens.add(piece);
            types.add(TOKEN_NORMAL);
            scores.add(-100f + piece.length()); // longer pieces merge first
        }
        F32GgufWriter gguf = new F32GgufWriter()
                .string("general.architecture", "llama")
                .string("general.name", "slmhub tiny llama")
                .uint32("general.alignment", 32)
                .uint32("llama.context_length", CONTEXT)
                .uint32("llama.embedding_length", EMBEDDING)
                .uint32("llama.block_count", layers)
                .uint32("llama.feed_forward_length", FEED_FORWARD)
                .uint32("llama.attention.head_count", HEADS)
                .uint32("llama.attention.head_count_kv", HEADS)
                .uint32("llama.rope.dimension_count", EMBEDDING / HEADS)
                .float32("llama.attention.layer_norm_rms_epsilon", 1e-5f)
                .string("tokenizer.ggml.model", "llama")
                .strings("tokenizer.ggml.tokens", tokens)
                .floats("tokenizer.ggml.scores", scores)
                .ints("tokenizer.ggml.token_type", types)
                .uint32("tokenizer.ggml.unknown_token_id", 0)
                .uint32("tokenizer.ggml.bos_token_id", 1)
                .uint32("tokenizer.ggml.eos_token_id", 2);
        if (chatTemplate != null) {
            gguf.string("tokenizer.chat_template", chatTemplate);
        }
        int vocab = tokens.size();
        gguf.random("token_embd.weight", 1f, EMBEDDING, vocab)
                .constant("output_norm.weight", 1f, EMBEDDING)
                .random("output.weight", 0.5f, EMBEDDING, vocab);
        for (int i = 0; i < layers; i++) {
            String blk = "blk." + i + ".";
            gguf.constant(blk + "attn_norm.weight", 1f, EMBEDDING)
                    .random(blk + "attn_q.weight", 0.2f, EMBEDDING, EMBEDDING)
                    .random(blk + "attn_k.weight", 0.2f, EMBEDDING, EMBEDDING)
                    .random(blk + "attn_v.weight", 0.2f, EMBEDDING, EMBEDDING)
                    .random(blk + "attn_output.weight", 0.2f, EMBEDDING, EMBEDDING)
                    .constant(blk + "ffn_norm.weight", 1f, EMBEDDING)
                    .random(blk + "ffn_gate.weight", 0.2f, EMBEDDING, FEED_FORWARD)
                    .random(blk + "ffn_up.weight", 0.2f, EMBEDDING, FEED_FORWARD)
                    .random(blk + "ffn_down.weight", 0.2f, FEED_FORWARD, EMBEDDING);
        }
        return gguf.write(file, 20240601L + layers);
    }
}
