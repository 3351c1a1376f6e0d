package org.slmhub.index;

import java.io.CharArrayReader;
import java.io.IOException;
import java.util.Arrays;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.analysis.tokenattributes.TypeAttribute;

/**
 * Lucene's {@link StandardTokenizer}, quicker on plain text: a text made only of ASCII letters,
 * digits, blanks and punctuation is split here, by the Unicode word-break rules
 * (UAX #29) that apply to those characters; any other text goes to StandardTokenizer itself. The
 * tokens, offsets, positions and types are StandardTokenizer's (a test compares both on random and
 * real text). StandardTokenizer's generated scanner was a sixth of indexing a catalog's cards.
 */
final class PlainTextTokenizer extends Tokenizer {
    private static final byte OTHER = 0;
    private static final byte LETTER = 1;
    private static final byte DIGIT = 2;
    /** UAX #29 MidLetter: joins letters ({@code a:b}). */
    private static final byte MID_LETTER = 3;
    /** MidNum: joins digits ({@code 1,000}). */
    private static final byte MID_NUM = 4;
    /** MidNumLet and Single_Quote: join letters or digits ({@code e.g}, {@code 3.5}, {@code don't}). */
    private static final byte MID_NUM_LET = 5;
    /** ExtendNumLet ({@code _}): joins letters, digits and itself ({@code Q4_K_M}, {@code x86_64}). */
    private static final byte EXTEND = 6;
    /** Left to StandardTokenizer: non-ASCII, and control characters other than tab and line breaks. */
    private static final byte NOT_PLAIN = 7;
    private static final byte[] CLASSES = classes();
    private static final String ALPHANUM = StandardTokenizer.TOKEN_TYPES[StandardTokenizer.ALPHANUM];
    private static final String NUM = StandardTokenizer.TOKEN_TYPES[StandardTokenizer.NUM];

    private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
    private final OffsetAttribute offset = addAttribute(OffsetAttribute.class);
    private final PositionIncrementAttribute position = addAttribute(PositionIncrementAttribute.class);
    private final TypeAttribute type = addAttribute(TypeAttribute.class);
    private final StandardTokenizer standard = new StandardTokenizer();
    private final CharTermAttribute standardTerm = standard.getAttribute(CharTermAttribute.class);
    private final OffsetAttribute standardOffset = standard.getAttribute(OffsetAttribute.class);
    private final PositionIncrementAttribute standardPosition = standard.getAttribute(PositionIncrementAttribute.class);
    private final TypeAttribute standardType = standard.getAttribute(TypeAttribute.class);
    private char[] text = new char[4096];
    private int length;
    private int next;
    private boolean plain;
    private boolean standardOpen;

    @Override
    public void reset() throws IOException {
        super.reset();
        length = 0;
        for (int n; (n = input.read(text, length, text.length - length)) != -1; ) {
            length += n;
            if (length == text.length) {
                text = Arrays.copyOf(text, text.length * 2);
            }
        }
        next = 0;
        plain = plain(text, length);
        if (!plain) {
            closeStandard();
            standard.setReader(new CharArrayReader(text, 0, length));
            standard.reset();
            standardOpen = true;
        }
    }

    @Override
    public boolean incrementToken() throws IOException {
        clearAttributes();
        if (!plain) {
            if (!standard.incrementToken()) {
                return false;
            }
            term.copyBuffer(standardTerm.buffer(), 0, standardTerm.length());
            offset.setOffset(correctOffset(standardOffset.startOffset()), correctOffset(standardOffset.endOffset()));
            position.setPositionIncrement(standardPosition.getPositionIncrement());
            type.setType(standardType.type());
            return true;
        }
        while (true) {
            while (next < length && !wordPart(CLASSES[text[next]])) {
                next++;
            }
            if (next == length) {
                return false;
            }
            int start = next;
            boolean letters = false;
            boolean digits = false;
            int end = start;
            while (end < length) {
                byte k = CLASSES[text[end]];
                if (wordPart(k)) {
                    letters |= k == LETTER;
                    digits |= k == DIGIT;
                    end++;
                } else if (end > start && end + 1 < length && joins(CLASSES[text[end - 1]], k, CLASSES[text[end + 1]])) {
                    end += 2; // the character after is of the kind before it: the flags hold it already
                } else {
                    break;
                }
            }
            next = end;
            if (letters || digits) { // a run of underscores alone is no word
                term.copyBuffer(text, start, end - start);
                offset.setOffset(correctOffset(start), correctOffset(end));
                type.setType(letters ? ALPHANUM : NUM);
                return true;
            }
        }
    }

    /** Letters, digits and {@code _} join one another (UAX #29 WB5, WB8-10, WB13a/b). */
    private static boolean wordPart(byte k) {
        return k == LETTER || k == DIGIT || k == EXTEND;
    }

    /** UAX #29 WB6/7 (letter, MidLetter or MidNumLet, letter) and WB11/12 (digit, MidNum or MidNumLet, digit). */
    private static boolean joins(byte before, byte mid, byte after) {
        if (before == LETTER && after == LETTER) {
            return mid == MID_LETTER || mid == MID_NUM_LET;
        }
        return before == DIGIT && after == DIGIT && (mid == MID_NUM || mid == MID_NUM_LET);
    }

    @Override
    public void end() throws IOException {
        super.end();
        if (!plain) {
            standard.end();
            position.setPositionIncrement(standardPosition.getPositionIncrement());
        }
        int last = correctOffset(length);
        offset.setOffset(last, last);
    }

    @Override
    public void close() throws IOException {
        super.close();
        closeStandard();
    }

    private void closeStandard() throws IOException {
        if (standardOpen) {
            standard.close();
            standardOpen = false;
        }
    }

    /**
     * Whether every character is one this class splits, and no run of letters, digits and joining
     * punctuation is longer than StandardTokenizer's longest token (it cuts longer ones in pieces).
     */
    static boolean plain(char[] text, int length) {
        int run = 0;
        for (int i = 0; i < length; i++) {
            char c = text[i];
            byte k = c < 128 ? CLASSES[c] : NOT_PLAIN;
            if (k == NOT_PLAIN) {
                return false;
            }
            run = k == OTHER ? 0 : run + 1;
            if (run > StandardAnalyzer.DEFAULT_MAX_TOKEN_LENGTH) {
                return false;
            }
        }
        return true;
    }

    private static byte[] classes() {
        byte[] classes = new byte[128];
        Arrays.fill(classes, NOT_PLAIN);
        for (char c = ' '; c < 127; c++) {
            classes[c] = OTHER;
        }
        classes['\t'] = OTHER;
        classes['\n'] = OTHER;
        classes['\r'] = OTHER;
        for (char c = 'a'; c <= 'z'; c++) {
            classes[c] = LETTER;
            classes[Character.toUpperCase(c)] = LETTER;
        }
        for (char c = '0'; c <= '9'; c++) {
            classes[c] = DIGIT;
        }
        classes[':'] = MID_LETTER;
        classes[','] = MID_NUM;
        classes[';'] = MID_NUM;
        classes['.'] = MID_NUM_LET;
        classes['\''] = MID_NUM_LET;
        classes['_'] = EXTEND;
        return classes;
    }
}
