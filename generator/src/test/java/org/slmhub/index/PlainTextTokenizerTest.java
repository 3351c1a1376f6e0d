package org.slmhub.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.analysis.tokenattributes.TypeAttribute;
import org.junit.jupiter.api.Test;
import org.slmhub.catalog.ManifestFile;

/** The plain-text tokenizer gives StandardTokenizer's tokens, offsets, positions and types, on its own path and on the other. */
class PlainTextTokenizerTest {
    /** Pieces that exercise the word-break rules: every class of ASCII character, then some that are not plain. */
    private static final String[] PIECES = {"a", "Z", "qwen", "2", "0", "1.5", "e.g", "don't", "x", " ", "  ", "\n", "\r\n", "\t",
        ".", ",", ";", ":", "'", "\"", "-", "/", "#", "(", ")", "!", "?", "@", "&", "*", "+", "=", "%", "$", "~", "`", "^", "|",
        "[", "]", "{", "}", "<", ">", "\\", "..", ":/", "_", "__", "Q4_K_M", "é", "\u2019", "日本", "\uD83D\uDE42", "\u000B", "\u0000", "\u00A0"};

    @Test
    void randomTextGivesStandardTokenizersTokensOnBothPaths() throws IOException {
        // -Dslmhub.tokenizer.seed and -Dslmhub.tokenizer.documents explore further
        Random random = new Random(Long.getLong("slmhub.tokenizer.seed", 29));
        int plain = 0;
        int documents = Integer.getInteger("slmhub.tokenizer.documents", 30_000);
        for (int n = 0; n < documents; n++) {
            StringBuilder text = new StringBuilder();
            // mostly plain pieces, so that both paths get their share
            int bound = random.nextInt(4) == 0 ? PIECES.length : PIECES.length - 7;
            for (int i = random.nextInt(30); i > 0; i--) {
                text.append(PIECES[random.nextInt(bound)]);
            }
            String s = text.toString();
            plain += PlainTextTokenizer.plain(s.toCharArray(), s.length()) ? 1 : 0;
            assertEquals(tokens(new StandardTokenizer(), s), tokens(new PlainTextTokenizer(), s), s);
        }
        System.out.printf("plain-text tokenizer: %d of %d random texts on its own path%n", plain, documents);
        assertTrue(plain > documents / 2 && plain < documents, plain + " plain");
    }

    @Test
    void longRunsGoToStandardTokenizerWhichCutsThem() throws IOException {
        for (String s : List.of("a".repeat(255), "a".repeat(256) + " b", "1.".repeat(200) + "1", "word " + "x".repeat(600))) {
            assertEquals(s.length() <= 255, PlainTextTokenizer.plain(s.toCharArray(), s.length()), s.length() + " chars");
            assertEquals(tokens(new StandardTokenizer(), s), tokens(new PlainTextTokenizer(), s));
        }
    }

    @Test
    void catalogCardsGiveTheSameTokens() throws IOException {
        Path models = Path.of("..", "models");
        List<Path> manifests;
        try (Stream<Path> walk = Files.walk(models)) {
            manifests = walk.filter(p -> p.getFileName().toString().equals("model.yaml")).toList();
        }
        assertFalse(manifests.isEmpty(), "the seed catalog is at " + models.toAbsolutePath());
        int plain = 0;
        for (Path manifest : manifests) {
            // the card, and the whole file: URLs, digests and YAML punctuation
            String card = ManifestFile.read(manifest).yaml().tree().path("card").asText();
            String file = Files.readString(manifest);
            plain += PlainTextTokenizer.plain(card.toCharArray(), card.length()) ? 1 : 0;
            assertEquals(tokens(new StandardTokenizer(), card), tokens(new PlainTextTokenizer(), card), manifest + " card");
            assertEquals(tokens(new StandardTokenizer(), file), tokens(new PlainTextTokenizer(), file), manifest.toString());
        }
        System.out.printf("plain-text tokenizer: %d of %d seed cards on its own path%n", plain, manifests.size());
    }

    @Test
    void oneTokenizerServesManyTextsInTurn() throws IOException {
        Tokenizer reused = new PlainTextTokenizer();
        for (String s : List.of("plain text 1.5", "naïve text", "", "plain again", "日本語 and 2,000")) {
            assertEquals(tokens(new StandardTokenizer(), s), tokens(reused, s), s);
        }
    }

    /** Each token as term@increment[start-end]type, then the final offset and increment after end(). */
    private static List<String> tokens(Tokenizer tokenizer, String text) throws IOException {
        List<String> tokens = new ArrayList<>();
        CharTermAttribute term = tokenizer.addAttribute(CharTermAttribute.class);
        PositionIncrementAttribute increment = tokenizer.addAttribute(PositionIncrementAttribute.class);
        OffsetAttribute offset = tokenizer.addAttribute(OffsetAttribute.class);
        TypeAttribute type = tokenizer.addAttribute(TypeAttribute.class);
        tokenizer.setReader(new StringReader(text));
        tokenizer.reset();
        while (tokenizer.incrementToken()) {
            tokens.add(term + "@" + increment.getPositionIncrement() + "[" + offset.startOffset() + "-" + offset.endOffset() + "]" + type.type());
        }
        tokenizer.end();
        tokens.add("end@" + increment.getPositionIncrement() + "[" + offset.startOffset() + "-" + offset.endOffset() + "]");
        tokenizer.close();
        return tokens;
    }
}
