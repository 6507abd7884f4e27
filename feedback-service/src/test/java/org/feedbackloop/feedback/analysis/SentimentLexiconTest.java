package org.feedbackloop.feedback.analysis;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SentimentLexiconTest {

    @Test
    void bundledLexiconLoadsAndIsLarge() {
        var lexicon = SentimentLexicon.fromClasspath(LexiconSentimentAnalyzer.LEXICON_RESOURCE);
        assertThat(lexicon.size()).isGreaterThanOrEqualTo(400);
    }

    @Test
    void prefersTheLongestExpression() {
        var lexicon = SentimentLexicon.parse(List.of("# comment", "", "work\t1", "no longer works\t-2.5",
                "no longer\t-0.5"), "test");
        var tokens = Tokenizer.tokenize("it no longer works");
        assertThat(lexicon.matchAt(tokens, 1)).isEqualTo(new SentimentLexicon.Match(-2.5, 3));
        assertThat(lexicon.matchAt(tokens, 0)).isNull();
    }

    @Test
    void rejectsMalformedLines() {
        assertThatThrownBy(() -> SentimentLexicon.parse(List.of("good 2"), "test"))
                .hasMessageContaining("line 1");
        assertThatThrownBy(() -> SentimentLexicon.parse(List.of("good\t5"), "test"))
                .hasMessageContaining("outside");
        assertThatThrownBy(() -> SentimentLexicon.parse(List.of("good\t1", "Good\t2"), "test"))
                .hasMessageContaining("duplicate");
    }
}
