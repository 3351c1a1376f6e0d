package org.slmhub.index;

import java.io.IOException;
import org.apache.lucene.analysis.CharacterUtils;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/**
 * Lucene's {@link LowerCaseFilter}, with ASCII letters lowered in place: a term's characters from the
 * first non-ASCII one on go through Lucene's own rules ({@link CharacterUtils#toLowerCase}), so the
 * terms are the same (a test compares them), and the common case skips a code-point walk per character.
 */
final class PlainLowerCaseFilter extends TokenFilter {
    private final CharTermAttribute term = addAttribute(CharTermAttribute.class);

    PlainLowerCaseFilter(TokenStream in) {
        super(in);
    }

    @Override
    public boolean incrementToken() throws IOException {
        if (!input.incrementToken()) {
            return false;
        }
        char[] buffer = term.buffer();
        int length = term.length();
        for (int i = 0; i < length; i++) {
            char c = buffer[i];
            if (c >= 128) {
                CharacterUtils.toLowerCase(buffer, i, length);
                break;
            }
            if (c >= 'A' && c <= 'Z') {
                buffer[i] = (char) (c + ('a' - 'A'));
            }
        }
        return true;
    }
}
