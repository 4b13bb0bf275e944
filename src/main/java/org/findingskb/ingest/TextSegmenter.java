package org.findingskb.ingest;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

import opennlp.tools.postag.POSTagger;
import opennlp.tools.tokenize.Tokenizer;
import opennlp.tools.util.Span;

/**
 * Splits normalised text into paragraphs (blank lines), blocks (lines, unless a line continues a wrapped
 * sentence) and sentences (the OpenNLP sentence model), then tokenises and tags each sentence.
 */
final class TextSegmenter {

    private final NlpModels models;
    private final Cues cues;

    TextSegmenter(NlpModels models, Cues cues) {
        this.models = models;
        this.cues = cues;
    }

    List<Sentence> segment(String text) {
        List<int[]> sentenceSpans = new ArrayList<>();
        List<int[]> positions = new ArrayList<>(); // paragraph, block, firstInBlock
        int paragraph = 0;
        int block = 0;
        int paragraphStart = 0;
        while (paragraphStart < text.length()) {
            int paragraphEnd = text.indexOf("\n\n", paragraphStart);
            if (paragraphEnd < 0) {
                paragraphEnd = text.length();
            }
            int blockStart = paragraphStart;
            while (blockStart < paragraphEnd) {
                int blockEnd = blockEnd(text, blockStart, paragraphEnd);
                boolean first = true;
                for (int[] span : sentencesOf(text, blockStart, blockEnd)) {
                    sentenceSpans.add(span);
                    positions.add(new int[] {paragraph, block, first ? 1 : 0});
                    first = false;
                }
                block++;
                blockStart = blockEnd + 1;
            }
            paragraph++;
            paragraphStart = paragraphEnd + 2;
        }

        Tokenizer tokenizer = models.tokenizer();
        POSTagger tagger = models.posTagger();
        List<Sentence> sentences = new ArrayList<>(sentenceSpans.size());
        for (int i = 0; i < sentenceSpans.size(); i++) {
            int start = sentenceSpans.get(i)[0];
            int end = sentenceSpans.get(i)[1];
            String sentenceText = text.substring(start, end);
            String folded = TextFolding.fold(sentenceText);
            Span[] tokenSpans = tokenize(tokenizer, folded);
            String[] words = new String[tokenSpans.length];
            for (int t = 0; t < tokenSpans.length; t++) {
                words[t] = tokenSpans[t].getCoveredText(folded).toString();
            }
            String[] tags = tag(tagger, words);
            List<Token> tokens = new ArrayList<>(words.length);
            for (int t = 0; t < words.length; t++) {
                tokens.add(new Token(sentenceText.substring(tokenSpans[t].getStart(), tokenSpans[t].getEnd()),
                        start + tokenSpans[t].getStart(), start + tokenSpans[t].getEnd(), tags[t],
                        cues.wordForms.key(words[t])));
            }
            int[] pos = positions.get(i);
            sentences.add(new Sentence(i, pos[0], pos[1], pos[2] == 1, start, end, sentenceText, folded,
                    List.copyOf(tokens)));
        }
        return sentences;
    }

    /**
     * The longest run without whitespace that goes through the tokenizer model; a longer one (no word, at most a
     * URL or junk) is one token. The model looks at every character of a run with context built from the whole
     * run, so its cost grows with the square of the run's length: one 200,000-character word took minutes.
     */
    static final int MAX_MODEL_TOKEN = 256;

    /** The tokenizer's spans over {@code text}, with every overlong run kept whole (see {@link #MAX_MODEL_TOKEN}). */
    static Span[] tokenize(Tokenizer tokenizer, String text) {
        List<Span> overlong = overlongRuns(text);
        if (overlong.isEmpty()) {
            return tokenizer.tokenizePos(text);
        }
        List<Span> spans = new ArrayList<>();
        int pending = 0; // start of the text not yet tokenised
        for (Span run : overlong) {
            addShifted(spans, tokenizer.tokenizePos(text.substring(pending, run.getStart())), pending);
            spans.add(run);
            pending = run.getEnd();
        }
        addShifted(spans, tokenizer.tokenizePos(text.substring(pending)), pending);
        return spans.toArray(Span[]::new);
    }

    /** The runs without whitespace longer than {@link #MAX_MODEL_TOKEN}, in order. */
    private static List<Span> overlongRuns(String text) {
        List<Span> runs = new ArrayList<>();
        int i = 0;
        while (i < text.length()) {
            if (Character.isWhitespace(text.charAt(i))) {
                i++;
                continue;
            }
            int runEnd = i;
            while (runEnd < text.length() && !Character.isWhitespace(text.charAt(runEnd))) {
                runEnd++;
            }
            if (runEnd - i > MAX_MODEL_TOKEN) {
                runs.add(new Span(i, runEnd));
            }
            i = runEnd;
        }
        return runs;
    }

    /**
     * The longest stretch of a sentence tagged in one beam search. The tagger copies the whole tag history at
     * every step, so one sentence of 60,000 tokens took minutes; it looks two words either side, so cutting a
     * long sentence into stretches changes at most the tags next to each cut.
     */
    static final int MAX_TAGGED_STRETCH = 100;

    static String[] tag(POSTagger tagger, String[] words) {
        if (words.length <= MAX_TAGGED_STRETCH) {
            return tagger.tag(words);
        }
        String[] tags = new String[words.length];
        for (int from = 0; from < words.length; from += MAX_TAGGED_STRETCH) {
            int to = Math.min(words.length, from + MAX_TAGGED_STRETCH);
            System.arraycopy(tagger.tag(Arrays.copyOfRange(words, from, to)), 0, tags, from, to - from);
        }
        return tags;
    }

    /**
     * The block with every punctuation mark inside an overlong run without whitespace turned into a letter (same
     * length, so offsets hold). The sentence detector looks for the next whitespace after every possible sentence
     * end, so 200,000 dots took minutes; such a run ends no sentence anyway.
     */
    static String withoutEndsInOverlongRuns(String block) {
        List<Span> overlong = overlongRuns(block);
        if (overlong.isEmpty()) {
            return block;
        }
        char[] chars = block.toCharArray();
        for (Span run : overlong) {
            for (int c = run.getStart(); c < run.getEnd(); c++) {
                if (!Character.isLetterOrDigit(chars[c]) && !Character.isSurrogate(chars[c])) {
                    chars[c] = 'x';
                }
            }
        }
        return new String(chars);
    }

    private static void addShifted(List<Span> into, Span[] spans, int offset) {
        for (Span span : spans) {
            into.add(new Span(span.getStart() + offset, span.getEnd() + offset));
        }
    }

    /** A line ends a block unless the next line starts in lower case, which marks a hard-wrapped sentence. */
    private static int blockEnd(String text, int from, int paragraphEnd) {
        int lineEnd = text.indexOf('\n', from);
        while (lineEnd >= 0 && lineEnd < paragraphEnd) {
            int next = lineEnd + 1;
            if (next < paragraphEnd && Character.isLowerCase(text.charAt(next))) {
                lineEnd = text.indexOf('\n', next);
                continue;
            }
            return lineEnd;
        }
        return paragraphEnd;
    }

    private List<int[]> sentencesOf(String text, int blockStart, int blockEnd) {
        String blockText = text.substring(blockStart, blockEnd);
        Span[] spans = models.sentenceDetector().sentPosDetect(withoutEndsInOverlongRuns(blockText));
        List<int[]> result = new ArrayList<>();
        for (Span span : spans) {
            int s = blockStart + span.getStart();
            int e = blockStart + span.getEnd();
            while (s < e && Character.isWhitespace(text.charAt(s))) {
                s++;
            }
            while (e > s && Character.isWhitespace(text.charAt(e - 1))) {
                e--;
            }
            if (e <= s) {
                continue;
            }
            // The model sometimes ends a sentence after a title such as "Dr."; join it to what follows.
            if (!result.isEmpty() && endsWithAbbreviation(text, result.get(result.size() - 1))) {
                result.get(result.size() - 1)[1] = e;
            } else {
                result.add(new int[] {s, e});
            }
        }
        if (result.isEmpty() && !blockText.isBlank()) {
            int s = blockStart;
            int e = blockEnd;
            while (s < e && Character.isWhitespace(text.charAt(s))) {
                s++;
            }
            while (e > s && Character.isWhitespace(text.charAt(e - 1))) {
                e--;
            }
            result.add(new int[] {s, e});
        }
        return result;
    }

    private boolean endsWithAbbreviation(String text, int[] span) {
        String sentence = text.substring(span[0], span[1]);
        int lastSpace = sentence.lastIndexOf(' ');
        String lastWord = lastSpace < 0 ? sentence : sentence.substring(lastSpace + 1);
        return cues.abbreviations.contains(lastWord) || initialsInsideName(sentence, lastSpace, lastWord);
    }

    /** "Harvard T.H." or "John F.": initials after a capitalised word are inside a name, not at a sentence end. */
    private static boolean initialsInsideName(String sentence, int lastSpace, String lastWord) {
        if (lastSpace <= 0 || !INITIALS.matcher(lastWord).matches()) {
            return false;
        }
        String before = sentence.substring(0, lastSpace).strip();
        int previousSpace = before.lastIndexOf(' ');
        String previous = previousSpace < 0 ? before : before.substring(previousSpace + 1);
        return CAPITALISED.matcher(previous).matches();
    }

    private static final Pattern INITIALS = Pattern.compile("(?:\\p{Lu}\\.){1,3}");
    private static final Pattern CAPITALISED = Pattern.compile("\\p{Lu}\\p{Ll}[\\p{L}'\\-]*");
}
