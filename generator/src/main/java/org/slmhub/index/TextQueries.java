package org.slmhub.index;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.DisjunctionMaxQuery;
import org.apache.lucene.search.FuzzyQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.util.QueryBuilder;

/**
 * Free text as people type it. Each word must match in some field (the best field counts, with the
 * boosts of {@link IndexFields#TEXT_BOOSTS}); when no model has every word, the relaxed query asks
 * for any word, also with one or two typos in names, so {@code qwenn} still finds Qwen.
 */
final class TextQueries {
    /** Where a misspelt word is tried with edits: the name (each fuzzy field costs a Levenshtein automaton per word). */
    private static final List<String> FUZZY_FIELDS = List.of(IndexFields.NAME);
    private final Analyzer analyzer;
    private final QueryBuilder builder;

    TextQueries(Analyzer analyzer) {
        this.analyzer = analyzer;
        this.builder = new QueryBuilder(analyzer);
    }

    /** Split at spaces and punctuation other than a dot inside a word, so {@code phi-2} is two words and {@code 0.5} one. */
    static List<String> words(String text) {
        return Arrays.stream(text.split("[^\\p{L}\\p{N}.]+"))
                .map(w -> w.replaceAll("^\\.+|\\.+$", ""))
                .filter(w -> !w.isEmpty())
                .toList();
    }

    /** Every word must match; words that are only English stop words ("the", "for") are left out. */
    Query strict(List<String> words) {
        BooleanQuery.Builder query = new BooleanQuery.Builder();
        List<String> meaningful = words.stream().filter(w -> !terms(IndexFields.SUMMARY, w).isEmpty()).toList();
        for (String word : meaningful.isEmpty() ? words : meaningful) {
            query.add(wordQuery(word, false), Occur.MUST);
        }
        return query.build();
    }

    /** Any word may match, exactly or within a few edits of a word of a name. */
    Query relaxed(List<String> words) {
        BooleanQuery.Builder query = new BooleanQuery.Builder();
        for (String word : words) {
            query.add(wordQuery(word, true), Occur.SHOULD);
        }
        return query.setMinimumNumberShouldMatch(1).build();
    }

    private Query wordQuery(String word, boolean fuzzy) {
        String lower = word.toLowerCase(Locale.ROOT);
        List<Query> perField = new ArrayList<>();
        for (Map.Entry<String, Float> field : IndexFields.TEXT_BOOSTS.entrySet()) {
            Query exact = builder.createBooleanQuery(field.getKey(), word, Occur.MUST);
            Query query = exact;
            if (fuzzy && FUZZY_FIELDS.contains(field.getKey()) && edits(lower) > 0) {
                BooleanQuery.Builder either = new BooleanQuery.Builder();
                if (exact != null) {
                    either.add(exact, Occur.SHOULD);
                }
                // A typo counts for less than the word itself.
                either.add(new BoostQuery(new FuzzyQuery(new Term(field.getKey(), lower), edits(lower), 1), 0.5f), Occur.SHOULD);
                query = either.build();
            }
            if (query != null) {
                perField.add(new BoostQuery(query, field.getValue()));
            }
        }
        // The best field counts alone: a tie-breaker above 0 would make Lucene score every match
        // instead of skipping those that cannot make the top N (measured: 10 ms against 0.3 ms).
        return new DisjunctionMaxQuery(perField, 0f);
    }

    /** One edit from four letters, two from eight; shorter words and numbers only match exactly. */
    private static int edits(String term) {
        if (term.length() < 4 || term.chars().anyMatch(Character::isDigit)) {
            return 0;
        }
        return term.length() < 8 ? 1 : 2;
    }

    /** The distinct terms the field's analyzer makes of a word. */
    Set<String> terms(String field, String word) {
        Set<String> terms = new LinkedHashSet<>();
        try (TokenStream stream = analyzer.tokenStream(field, word)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                terms.add(term.toString());
            }
            stream.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e); // analysing a string in memory does no I/O
        }
        return terms;
    }
}
