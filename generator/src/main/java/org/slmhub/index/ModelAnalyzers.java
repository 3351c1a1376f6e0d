package org.slmhub.index;

import java.util.HashMap;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.FilteringTokenFilter;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.core.FlattenGraphFilter;
import org.apache.lucene.analysis.core.KeywordTokenizer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.en.EnglishPossessiveFilter;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.analysis.miscellaneous.WordDelimiterGraphFilter;
import org.apache.lucene.analysis.miscellaneous.WordDelimiterIterator;
import org.apache.lucene.analysis.ngram.EdgeNGramTokenFilter;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.util.CharTokenizer;

/**
 * How each field becomes terms. Model names are split the way people type them:
 * {@code Qwen2.5-0.5B-Instruct} gives {@code qwen2.5, qwen, 2.5, 0.5b, 0.5, instruct} and
 * {@code SmolLM2} gives {@code smollm2, smol, lm, 2}. Prose (summary, card, tags) goes through
 * Lucene's English analyzer (stop words, stemming). Filter fields are one lower-case term each.
 */
final class ModelAnalyzers {
    /** Word-delimiter flags: parts at case changes and letter/digit boundaries, plus the whole word. */
    private static final int WORD_PARTS = WordDelimiterGraphFilter.GENERATE_WORD_PARTS
            | WordDelimiterGraphFilter.GENERATE_NUMBER_PARTS | WordDelimiterGraphFilter.SPLIT_ON_CASE_CHANGE
            | WordDelimiterGraphFilter.SPLIT_ON_NUMERICS | WordDelimiterGraphFilter.PRESERVE_ORIGINAL;
    /** A dot belongs to a number, so {@code 2.5} and {@code 0.5b} keep theirs. */
    private static final byte[] CHAR_TYPES = charTypes();
    static final int MIN_PREFIX = 2;
    static final int MAX_PREFIX = 20;

    private ModelAnalyzers() {
    }

    /** At index time: n-grams for the prefix field, and graphs flattened as the index requires. */
    static Analyzer forIndexing() {
        Map<String, Analyzer> fields = new HashMap<>();
        fields.put(IndexFields.NAME, names(false, true));
        fields.put(IndexFields.ID_WORDS, names(false, true));
        fields.put(IndexFields.PREFIX, names(true, true));
        return new PerFieldAnalyzerWrapper(prose(), withFilters(fields));
    }

    /** At query time: the prefix field is searched with whole words, which match its n-grams. */
    static Analyzer forQueries() {
        Analyzer names = names(false, false);
        Map<String, Analyzer> fields = new HashMap<>();
        fields.put(IndexFields.NAME, names);
        fields.put(IndexFields.ID_WORDS, names);
        fields.put(IndexFields.PREFIX, names);
        return new PerFieldAnalyzerWrapper(new EnglishAnalyzer(), withFilters(fields));
    }

    /**
     * Prose at index time: {@link EnglishAnalyzer}'s chain (standard tokenizer, possessives, lower
     * case, English stop words, Porter stemming), with the tokenizer and the lower-casing quicker on
     * plain text and the stems cached; the same terms, as tests check.
     */
    static Analyzer prose() {
        return new Analyzer() {
            @Override
            protected TokenStreamComponents createComponents(String field) {
                Tokenizer source = new PlainTextTokenizer();
                TokenStream stream = new EnglishPossessiveFilter(source);
                stream = new PlainLowerCaseFilter(stream);
                stream = new StopFilter(stream, EnglishAnalyzer.ENGLISH_STOP_WORDS_SET);
                return new TokenStreamComponents(source, new CachedPorterStem(stream));
            }

            @Override
            protected TokenStream normalize(String field, TokenStream in) {
                return new LowerCaseFilter(in);
            }
        };
    }

    private static Map<String, Analyzer> withFilters(Map<String, Analyzer> fields) {
        Analyzer keyword = keyword();
        for (ModelFacet facet : ModelFacet.values()) {
            fields.put(facet.field(), keyword);
        }
        return fields;
    }

    /**
     * Names and ids: split at spaces and punctuation other than dots, then into word parts. At query
     * time the parts stay a graph, so {@code gpt2} asks for {@code gpt2} or for both {@code gpt} and {@code 2}.
     */
    static Analyzer names(boolean edgeGrams, boolean indexing) {
        return new Analyzer() {
            @Override
            protected TokenStreamComponents createComponents(String field) {
                Tokenizer source = CharTokenizer.fromTokenCharPredicate(c -> Character.isLetterOrDigit(c) || c == '.');
                TokenStream stream = new WordDelimiterGraphFilter(source, true, CHAR_TYPES, WORD_PARTS, null);
                stream = new LowerCaseFilter(stream);
                if (indexing) {
                    stream = new DropLoneLetters(new FlattenGraphFilter(stream));
                }
                if (edgeGrams) {
                    stream = new EdgeNGramTokenFilter(stream, MIN_PREFIX, MAX_PREFIX, true);
                }
                return new TokenStreamComponents(source, stream);
            }
        };
    }

    static Analyzer keyword() {
        return new Analyzer() {
            @Override
            protected TokenStreamComponents createComponents(String field) {
                Tokenizer source = new KeywordTokenizer();
                return new TokenStreamComponents(source, new LowerCaseFilter(source));
            }
        };
    }

    private static byte[] charTypes() {
        byte[] table = WordDelimiterIterator.DEFAULT_WORD_DELIM_TABLE.clone();
        table['.'] = WordDelimiterIterator.getType('0');
        return table;
    }

    /** The {@code b} of {@code 1b} or the {@code m} of {@code 360m} alone would match half the catalog. */
    private static final class DropLoneLetters extends FilteringTokenFilter {
        private final CharTermAttribute term = addAttribute(CharTermAttribute.class);

        DropLoneLetters(TokenStream in) {
            super(in);
        }

        @Override
        protected boolean accept() {
            return term.length() != 1 || !Character.isLetter(term.charAt(0));
        }
    }
}
