package dev.searchengine.launcher;

import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

import java.io.IOException;

/** Drops every token whose text was already seen earlier in the stream (the "unique" filter). */
final class UniqueTokenFilter extends TokenFilter {
    private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
    private final CharArraySet seen = new CharArraySet(8, false);

    UniqueTokenFilter(TokenStream in) {
        super(in);
    }

    @Override
    public boolean incrementToken() throws IOException {
        while (input.incrementToken()) {
            char[] buffer = term.buffer();
            int length = term.length();
            if (seen.contains(buffer, 0, length) == false) {
                char[] copy = new char[length];
                System.arraycopy(buffer, 0, copy, 0, length);
                seen.add(copy);
                return true;
            }
        }
        return false;
    }

    @Override
    public void reset() throws IOException {
        super.reset();
        seen.clear();
    }
}
