package dev.searchengine.launcher;

import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;

import java.io.IOException;

/**
 * Splits text at non-letters and lower-cases the tokens (the "lowercase"
 * tokenizer: a letter tokenizer followed by lower-casing).
 */
final class LowerCaseLetterTokenizer extends Tokenizer {
    private static final int MAX_TOKEN_LENGTH = 255;

    private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
    private final OffsetAttribute offset = addAttribute(OffsetAttribute.class);
    private final char[] buffer = new char[4096];
    private int bufferLength = 0;
    private int bufferIndex = 0;
    private int consumed = 0; // chars consumed before buffer[0]
    private int finalOffset = 0;

    @Override
    public boolean incrementToken() throws IOException {
        clearAttributes();
        int length = 0;
        int start = -1;
        int end = -1;
        while (true) {
            int pos = consumed + bufferIndex;
            int cp = nextCodePoint();
            if (cp < 0) {
                break;
            }
            int width = Character.charCount(cp);
            if (Character.isLetter(cp)) {
                if (length == 0) {
                    start = pos;
                }
                char[] t = term.resizeBuffer(length + 2);
                length += Character.toChars(Character.toLowerCase(cp), t, length);
                end = pos + width;
                if (length >= MAX_TOKEN_LENGTH) {
                    break;
                }
            } else if (length > 0) {
                break;
            }
        }
        finalOffset = correctOffset(consumed + bufferIndex);
        if (length == 0) {
            return false;
        }
        term.setLength(length);
        offset.setOffset(correctOffset(start), correctOffset(end));
        return true;
    }

    private int nextCodePoint() throws IOException {
        if (bufferIndex >= bufferLength) {
            consumed += bufferLength;
            bufferIndex = 0;
            bufferLength = 0;
            int n;
            while ((n = input.read(buffer, 0, buffer.length - 1)) == 0) {
                // keep reading
            }
            if (n < 0) {
                return -1;
            }
            bufferLength = n;
            if (Character.isHighSurrogate(buffer[n - 1])) {
                int extra = input.read();
                if (extra >= 0) {
                    buffer[n] = (char) extra;
                    bufferLength++;
                }
            }
        }
        int cp = Character.codePointAt(buffer, bufferIndex, bufferLength);
        bufferIndex += Character.charCount(cp);
        return cp;
    }

    @Override
    public void end() throws IOException {
        super.end();
        offset.setOffset(finalOffset, finalOffset);
    }

    @Override
    public void reset() throws IOException {
        super.reset();
        bufferLength = 0;
        bufferIndex = 0;
        consumed = 0;
        finalOffset = 0;
    }
}
