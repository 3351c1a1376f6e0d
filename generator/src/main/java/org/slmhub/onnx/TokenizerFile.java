package org.slmhub.onnx;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A Hugging Face {@code tokenizer.json}, the file an ONNX model's engine tokenizes with: a JSON
 * object whose top level holds a {@code model} object with a string {@code type} (BPE, WordPiece,
 * Unigram, ...). Read as a stream: the vocabulary and merges, megabytes of them, are skipped
 * token by token, never built into a tree.
 *
 * @param modelType the tokenizer model's {@code type}, e.g. {@code WordPiece}
 */
public record TokenizerFile(String modelType) {
    /** Real tokenizer files are a few MB; the largest vocabularies stay far under this. */
    public static final long MAX_BYTES = 64L << 20;
    /**
     * Field names are not canonicalized: a vocabulary has tens of thousands of distinct names,
     * and interning them made reading all-MiniLM-L6-v2's 0.7 MB file take 0.5 s instead of 0.1 s.
     */
    private static final JsonFactory JSON = JsonFactory.builder().disable(JsonFactory.Feature.CANONICALIZE_FIELD_NAMES).build();

    /** Reads {@code file}; anything that is not such a file is a {@link TokenizerFormatException}. */
    public static TokenizerFile read(Path file) throws TokenizerFormatException {
        long size;
        try {
            size = Files.size(file);
        } catch (IOException e) {
            throw new TokenizerFormatException("cannot read " + file + ": " + e.getClass().getSimpleName(), 0);
        }
        if (size > MAX_BYTES) {
            throw new TokenizerFormatException("the file has " + size + " bytes, over slmhub's limit of 64 MiB for a tokenizer", 0);
        }
        try (JsonParser json = JSON.createParser(file.toFile())) {
            try {
                return new TokenizerFile(readTopLevel(json));
            } catch (JsonProcessingException e) {
                // syntax errors and Jackson's limits (nesting depth, string and number lengths)
                long at = offset(json.currentLocation());
                throw new TokenizerFormatException("not JSON at offset " + at + ": "
                        + e.getOriginalMessage().lines().findFirst().orElse(""), at);
            }
        } catch (IOException e) {
            throw new TokenizerFormatException("cannot read " + file + ": " + e.getClass().getSimpleName(), 0);
        }
    }

    private static String readTopLevel(JsonParser json) throws IOException, TokenizerFormatException {
        if (json.nextToken() != JsonToken.START_OBJECT) {
            throw new TokenizerFormatException("the top level is not a JSON object", offset(json));
        }
        String type = null;
        boolean hasModel = false;
        while (json.nextToken() == JsonToken.FIELD_NAME) {
            String field = json.currentName();
            JsonToken value = json.nextToken();
            if (field.equals("model") && value == JsonToken.START_OBJECT) {
                hasModel = true;
                type = modelType(json);
            } else if (field.equals("model")) {
                throw new TokenizerFormatException("`model` at offset " + offset(json) + " is not an object", offset(json));
            } else {
                json.skipChildren();
            }
        }
        if (json.nextToken() != null) {
            throw new TokenizerFormatException("more JSON after the top-level object, at offset " + offset(json), offset(json));
        }
        if (!hasModel) {
            throw new TokenizerFormatException("the top-level object has no `model`", 0);
        }
        if (type == null) {
            throw new TokenizerFormatException("`model` has no string `type`", 0);
        }
        return type;
    }

    /** Reads the {@code model} object, the parser at its start; returns its string {@code type}, or null. */
    private static String modelType(JsonParser json) throws IOException {
        String type = null;
        while (json.nextToken() == JsonToken.FIELD_NAME) {
            String field = json.currentName();
            JsonToken value = json.nextToken();
            if (field.equals("type") && value == JsonToken.VALUE_STRING) {
                type = json.getText();
            } else {
                json.skipChildren();
            }
        }
        return type;
    }

    private static long offset(JsonParser json) {
        return offset(json.currentTokenLocation());
    }

    /** Jackson's parser for UTF-8 bytes counts bytes but reports them as its "char" offset. */
    private static long offset(JsonLocation location) {
        return Math.max(0, location.getByteOffset() >= 0 ? location.getByteOffset() : location.getCharOffset());
    }
}
