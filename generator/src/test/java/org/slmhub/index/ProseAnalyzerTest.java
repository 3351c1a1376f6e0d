package org.slmhub.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.analysis.tokenattributes.TypeAttribute;
import org.junit.jupiter.api.Test;

/** The index-time prose analyzer (stems cached) gives exactly the terms of Lucene's EnglishAnalyzer. */
class ProseAnalyzerTest {
    private static final String CARD = """
            ## Intended use
            The model's answers are running summaries; it runs, ran and will be running on phones. \
            Qwen2.5-0.5B-Instruct isn't the fastest, but SmolLM2's cards say: "generalization", "relational", \
            "hopefulness", "conditional" and "agreed". Naïve café Größe 日本語のモデル emoji 🙂 ok. \
            THE AND OF A AN running RUNNING Running runs runs runs ponies caresses cats' dogs's \
            https://example.org/acme/model?x=1 v1.2.3 1,000 tokens 4096-token context e-mail x86_64 """;

    @Test
    void aCardGivesTheSameTermsPositionsAndOffsetsAsEnglishAnalyzer() throws IOException {
        Analyzer cached = ModelAnalyzers.prose();
        Analyzer lucene = new EnglishAnalyzer();
        List<String> expected = tokens(lucene, CARD);
        assertTrue(expected.size() > 50, "the card has terms: " + expected);
        assertTrue(expected.stream().anyMatch(t -> t.startsWith("run@")), "stemmed: " + expected);
        // the first pass fills the cache, the second reads it
        assertEquals(expected, tokens(cached, CARD));
        assertEquals(expected, tokens(cached, CARD));
        assertEquals(tokens(lucene, "summaries's"), tokens(cached, "summaries's"));
    }

    @Test
    void moreDistinctWordsThanTheCacheHoldsStillStemTheSame() throws IOException {
        Random random = new Random(7);
        String[] endings = {"ing", "ed", "s", "ies", "ational", "ness", "ful", "ly", "ization", ""};
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < CachedPorterStem.MAX_WORDS + 5_000; i++) {
            StringBuilder word = new StringBuilder();
            for (int n = 3 + random.nextInt(6); n > 0; n--) {
                word.append((char) ('a' + random.nextInt(26)));
            }
            text.append(word).append(endings[random.nextInt(endings.length)]).append(' ');
        }
        Analyzer cached = ModelAnalyzers.prose();
        List<String> expected = tokens(new EnglishAnalyzer(), text.toString());
        assertEquals(expected, tokens(cached, text.toString()));
        assertEquals(expected, tokens(cached, text.toString()), "after the cache started over");
    }

    @Test
    void normalizesQueryTermsAsEnglishAnalyzerDoes() {
        assertEquals(new EnglishAnalyzer().normalize("card", "Café RUNNING"), ModelAnalyzers.prose().normalize("card", "Café RUNNING"));
    }

    /** Each token as term@positionIncrement[start-end]type. */
    private static List<String> tokens(Analyzer analyzer, String text) throws IOException {
        List<String> tokens = new ArrayList<>();
        try (TokenStream stream = analyzer.tokenStream("card", text)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            PositionIncrementAttribute increment = stream.addAttribute(PositionIncrementAttribute.class);
            OffsetAttribute offset = stream.addAttribute(OffsetAttribute.class);
            TypeAttribute type = stream.addAttribute(TypeAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                tokens.add(term + "@" + increment.getPositionIncrement() + "[" + offset.startOffset() + "-" + offset.endOffset() + "]" + type.type());
            }
            stream.end();
        }
        return tokens;
    }
}
