package org.feedbackloop.feedback.analysis;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class TokenizerTest {

    private static List<String> texts(String text) {
        return Tokenizer.tokenize(text).stream().map(Tokenizer.Token::text).toList();
    }

    @Test
    void lowercasesWordsAndKeepsClausePunctuation() {
        assertThat(texts("Great app, WORKS fine!")).containsExactly("great", "app", ",", "works", "fine", "!");
    }

    @Test
    void keepsContractionsAndDropsPossessives() {
        assertThat(texts("I don\u2019t think the carrier's site isn't 'bad'"))
                .containsExactly("i", "don't", "think", "the", "carrier", "site", "isn't", "bad");
    }

    @Test
    void splitsHyphenatedWordsButTurnsDashesIntoBreaks() {
        assertThat(texts("two-factor - again \u2014 never")).containsExactly("two", "factor", ",", "again", ",", "never");
    }

    @Test
    void marksShoutedWords() {
        var tokens = Tokenizer.tokenize("AMAZING service I love it OK");
        assertThat(tokens).extracting(Tokenizer.Token::shouted).containsExactly(true, false, false, false, false, true);
    }

    @Test
    void lineBreaksEndSentences() {
        assertThat(texts("good\n\nbad")).containsExactly("good", ".", "bad");
    }
}
