package jp.kakaritsuke.kb.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionLengthAttribute;

/**
 * What an analyser made of a text, replayable: the two fields that index a Japanese text alike take one analysis.
 *
 * <p>A text's analysis is replayed as a token stream carrying what the index writer reads of a token — its term, its
 * position increment and length, its offsets — and, at the end, the final offset and position increment, so the index
 * holds what it would hold had the analyser run again.
 */
final class AnalysedTexts {

    private final Analyzer analyzer;
    private final String field;

    /**
     * @param analyzer the analyser whose output is replayed
     * @param field the field name the analyser is asked for (the analysers here analyse every field alike)
     */
    AnalysedTexts(Analyzer analyzer, String field) {
        this.analyzer = analyzer;
        this.field = field;
    }

    /** A new token stream playing {@code analysis} back. */
    static TokenStream tokenStream(Analysis analysis) {
        return new Replay(analysis);
    }

    /** What the analyser makes of {@code text}. */
    Analysis analysis(String text) {
        List<String> terms = new ArrayList<>();
        List<int[]> positions = new ArrayList<>();
        try (TokenStream stream = analyzer.tokenStream(field, text)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            PositionIncrementAttribute increment = stream.addAttribute(PositionIncrementAttribute.class);
            PositionLengthAttribute length = stream.addAttribute(PositionLengthAttribute.class);
            OffsetAttribute offset = stream.addAttribute(OffsetAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                terms.add(term.toString());
                positions.add(new int[] {
                    increment.getPositionIncrement(),
                    length.getPositionLength(),
                    offset.startOffset(),
                    offset.endOffset()
                });
            }
            stream.end();
            return new Analysis(
                    terms.toArray(String[]::new),
                    positions.toArray(int[][]::new),
                    offset.endOffset(),
                    increment.getPositionIncrement());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot analyse a text", e);
        }
    }

    /** The tokens of a text: terms, and per token {position increment, position length, start, end}. */
    record Analysis(String[] terms, int[][] positions, int finalOffset, int finalIncrement) {}

    /** Plays a kept analysis back. */
    private static final class Replay extends TokenStream {
        private final Analysis analysis;
        private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
        private final PositionIncrementAttribute increment = addAttribute(PositionIncrementAttribute.class);
        private final PositionLengthAttribute length = addAttribute(PositionLengthAttribute.class);
        private final OffsetAttribute offset = addAttribute(OffsetAttribute.class);
        private int next;

        Replay(Analysis analysis) {
            this.analysis = analysis;
        }

        @Override
        public boolean incrementToken() {
            if (next >= analysis.terms().length) {
                return false;
            }
            clearAttributes();
            int[] position = analysis.positions()[next];
            term.setEmpty().append(analysis.terms()[next]);
            increment.setPositionIncrement(position[0]);
            length.setPositionLength(position[1]);
            offset.setOffset(position[2], position[3]);
            next++;
            return true;
        }

        @Override
        public void end() throws IOException {
            super.end();
            offset.setOffset(analysis.finalOffset(), analysis.finalOffset());
            increment.setPositionIncrement(analysis.finalIncrement());
        }

        @Override
        public void reset() throws IOException {
            super.reset();
            next = 0;
        }
    }
}
