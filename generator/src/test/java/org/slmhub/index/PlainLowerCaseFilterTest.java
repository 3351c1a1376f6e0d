package org.slmhub.index;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.StringReader;
import java.util.Random;
import java.util.function.Function;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.core.KeywordTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.junit.jupiter.api.Test;

/** The ASCII-first lower-casing gives LowerCaseFilter's terms, whatever the characters. */
class PlainLowerCaseFilterTest {
    private static final String[] PIECES = {"A", "z", "Q", "4", "_", "K", "M", "a", "'", "S", "É", "é", "İ", "Σ", "ß", "Ω",
        "\uD801\uDC00", "\uD801\uDC28", "日本", "\uD83D\uDE42", "\u0130", "\u212A", "ǅ"};

    @Test
    void randomTermsLowerAsLuceneLowersThem() throws IOException {
        Random random = new Random(11);
        for (int n = 0; n < 20_000; n++) {
            StringBuilder term = new StringBuilder();
            for (int i = 1 + random.nextInt(12); i > 0; i--) {
                term.append(PIECES[random.nextInt(random.nextBoolean() ? 8 : PIECES.length)]);
            }
            String t = term.toString();
            assertEquals(lowered(LowerCaseFilter::new, t), lowered(PlainLowerCaseFilter::new, t), t);
        }
        assertEquals("q4_k_m", lowered(PlainLowerCaseFilter::new, "Q4_K_M"));
    }

    private static String lowered(Function<TokenStream, TokenStream> filter, String text) throws IOException {
        Tokenizer source = new KeywordTokenizer();
        source.setReader(new StringReader(text));
        try (TokenStream stream = filter.apply(source)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            stream.reset();
            StringBuilder out = new StringBuilder();
            while (stream.incrementToken()) {
                out.append(term);
            }
            stream.end();
            return out.toString();
        }
    }
}
