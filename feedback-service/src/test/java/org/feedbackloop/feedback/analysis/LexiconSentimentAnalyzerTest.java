package org.feedbackloop.feedback.analysis;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class LexiconSentimentAnalyzerTest {

    private final LexiconSentimentAnalyzer analyzer = new LexiconSentimentAnalyzer();

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", "   ", "\n\t", "...!?", "-- , ; :", "Order 48213 on Tuesday."})
    void scoresZeroWithoutSentiment(String text) {
        assertThat(analyzer.score(text)).isZero();
    }

    @Test
    void scoresPlainSentimentWithTheRightSign() {
        assertThat(analyzer.score("The support was good")).isPositive();
        assertThat(analyzer.score("The support was terrible")).isNegative();
    }

    @Test
    void negationFlipsPositiveWords() {
        assertThat(analyzer.score("The app is good")).isPositive();
        assertThat(analyzer.score("The app is not good")).isNegative();
        assertThat(analyzer.score("The app isn't good")).isNegative();
        assertThat(analyzer.score("The app isnt good")).isNegative();
        assertThat(analyzer.score("I don't like the new design")).isNegative();
        assertThat(analyzer.score("I wasn't happy with the refund")).isNegative();
        assertThat(analyzer.score("It never works properly")).isNegative();
    }

    @Test
    void negatedNegativeIsOnlyMildlyPositive() {
        double notBad = analyzer.score("Not bad");
        assertThat(notBad).isPositive().isLessThan(Math.abs(analyzer.score("Bad")));
        assertThat(notBad).isLessThan(analyzer.score("Good"));
        assertThat(analyzer.score("No problems with the delivery")).isPositive();
    }

    @Test
    void negationReachesOnlyAFewWordsAndStopsAtPunctuation() {
        assertThat(analyzer.score("I did not expect the courier to be this good")).isPositive();
        assertThat(analyzer.score("Not cheap, but excellent")).isPositive();
    }

    @Test
    void negativeExpressionsContainingNegators() {
        assertThat(analyzer.score("It doesn't work")).isNegative();
        assertThat(analyzer.score("It does not work")).isNegative();
        assertThat(analyzer.score("The scanner no longer works")).isNegative();
        assertThat(analyzer.score("Never again")).isNegative();
        assertThat(analyzer.score("Total waste of money")).isNegative();
        assertThat(analyzer.score("I can't complain")).isPositive();
    }

    @Test
    void neutralExpressionsShieldTheirWords() {
        assertThat(analyzer.score("I would like to change my customer service contact")).isZero();
    }

    @Test
    void intensifierRaisesMagnitude() {
        assertThat(analyzer.score("The staff were very helpful"))
                .isGreaterThan(analyzer.score("The staff were helpful"));
        assertThat(analyzer.score("The delivery was extremely slow"))
                .isLessThan(analyzer.score("The delivery was slow"));
        assertThat(analyzer.score("Absolutely terrible service"))
                .isLessThan(analyzer.score("Terrible service"));
    }

    @Test
    void diminisherLowersMagnitude() {
        assertThat(analyzer.score("The update is slightly disappointing"))
                .isNegative()
                .isGreaterThan(analyzer.score("The update is disappointing"));
        assertThat(analyzer.score("The app is a bit slow"))
                .isNegative()
                .isGreaterThan(analyzer.score("The app is slow"));
        assertThat(analyzer.score("The new layout is kind of nice"))
                .isPositive()
                .isLessThan(analyzer.score("The new layout is nice"));
    }

    @Test
    void clauseAfterButDominates() {
        assertThat(analyzer.score("The price is great but the quality is bad")).isNegative();
        assertThat(analyzer.score("The quality is bad but the price is great")).isPositive();
        assertThat(analyzer.score("The courier was late. However, the driver was lovely")).isPositive();
    }

    @Test
    void mainClauseOutweighsConcession() {
        assertThat(analyzer.score("Although the staff were friendly, the repair failed")).isNegative();
        assertThat(analyzer.score("The repair failed, although the staff were friendly")).isNegative();
        assertThat(analyzer.score("Despite the delay, the sofa is perfect")).isPositive();
    }

    @Test
    void emphasisRaisesMagnitude() {
        assertThat(analyzer.score("Great service!")).isGreaterThan(analyzer.score("Great service"));
        assertThat(analyzer.score("Great service!!!")).isGreaterThan(analyzer.score("Great service!"));
        assertThat(analyzer.score("The app is AWFUL")).isLessThan(analyzer.score("The app is awful"));
        assertThat(analyzer.score("Bad app!")).isLessThan(analyzer.score("Bad app"));
    }

    @Test
    void allCapsTextIsNotExtraEmphasis() {
        assertThat(analyzer.score("THE APP IS AWFUL")).isEqualTo(analyzer.score("the app is awful"));
    }

    @Test
    void handlesCurlyApostrophesAndCase() {
        assertThat(analyzer.score("It Doesn\u2019t Work at all")).isEqualTo(analyzer.score("it doesn't work at all"));
    }

    @Test
    void fixedProblemsAreNotComplaints() {
        assertThat(analyzer.score("They fixed the bug")).isPositive();
        assertThat(analyzer.score("The issue is resolved")).isPositive();
        assertThat(analyzer.score("There is a bug in checkout")).isNegative();
    }

    @Test
    void staysWithinBoundsForLongRants() {
        var rant = "TERRIBLE, awful, useless, broken, rude, slow, worst experience ever!!! ".repeat(300);
        var praise = "Amazing, brilliant, perfect, excellent, friendly, fast, best service ever!!! ".repeat(300);
        assertThat(analyzer.score(rant)).isBetween(-1.0, -0.99);
        assertThat(analyzer.score(praise)).isBetween(0.99, 1.0);
        assertThat(analyzer.score("not ".repeat(1000) + "good")).isBetween(-1.0, 1.0);
    }

    @Test
    void isDeterministic() {
        var text = "The parcel was a day late, but the packaging was perfect and everything works great.";
        double first = analyzer.score(text);
        assertThat(new LexiconSentimentAnalyzer().score(text)).isEqualTo(first);
        for (int i = 0; i < 100; i++) {
            assertThat(analyzer.score(text)).isEqualTo(first);
        }
    }

    @Test
    void labelsScoresWithTheNeutralBand() {
        assertThat(SentimentLabel.of(0.051)).isEqualTo(SentimentLabel.POSITIVE);
        assertThat(SentimentLabel.of(0.05)).isEqualTo(SentimentLabel.NEUTRAL);
        assertThat(SentimentLabel.of(0.0)).isEqualTo(SentimentLabel.NEUTRAL);
        assertThat(SentimentLabel.of(-0.05)).isEqualTo(SentimentLabel.NEUTRAL);
        assertThat(SentimentLabel.of(-0.051)).isEqualTo(SentimentLabel.NEGATIVE);
    }
}
