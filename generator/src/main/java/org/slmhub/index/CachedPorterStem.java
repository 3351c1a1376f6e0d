package org.slmhub.index;

import java.io.IOException;
import org.apache.lucene.analysis.CharArrayMap;
import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.en.PorterStemFilter;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.KeywordAttribute;

/**
 * Lucene's Porter stemmer with a cache of the words it has stemmed: cards repeat the same few
 * thousand words, and stemming each occurrence again was a tenth of indexing a catalog. A miss is
 * stemmed by a {@link PorterStemFilter} over that one word, so the terms are exactly Lucene's.
 */
final class CachedPorterStem extends TokenFilter {
    /** Bounds the cache on a catalog of many distinct words: it starts over when full. */
    static final int MAX_WORDS = 50_000;
    private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
    private final KeywordAttribute keyword = addAttribute(KeywordAttribute.class);
    private final CharArrayMap<char[]> stems = new CharArrayMap<>(1024, false);
    private final OneWord word = new OneWord();
    private final PorterStemFilter stemmer = new PorterStemFilter(word);
    private final CharTermAttribute stemmed = stemmer.getAttribute(CharTermAttribute.class);

    CachedPorterStem(TokenStream in) {
        super(in);
    }

    @Override
    public boolean incrementToken() throws IOException {
        if (!input.incrementToken()) {
            return false;
        }
        if (keyword.isKeyword()) {
            return true;
        }
        char[] stem = stems.get(term.buffer(), 0, term.length());
        if (stem == null) {
            stem = stem();
            if (stems.size() >= MAX_WORDS) {
                stems.clear();
            }
            stems.put(term.toString(), stem);
        }
        term.copyBuffer(stem, 0, stem.length);
        return true;
    }

    private char[] stem() throws IOException {
        word.set(term);
        stemmer.reset();
        stemmer.incrementToken();
        char[] stem = new char[stemmed.length()];
        System.arraycopy(stemmed.buffer(), 0, stem, 0, stem.length);
        stemmer.end();
        stemmer.close();
        return stem;
    }

    /** A stream of one token: the word to stem. */
    private static final class OneWord extends TokenStream {
        private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
        private final StringBuilder next = new StringBuilder();
        private boolean pending;

        void set(CharTermAttribute word) {
            next.setLength(0);
            next.append(word.buffer(), 0, word.length());
            pending = true;
        }

        @Override
        public boolean incrementToken() {
            if (!pending) {
                return false;
            }
            clearAttributes();
            term.setEmpty().append(next);
            pending = false;
            return true;
        }
    }
}
