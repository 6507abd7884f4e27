package org.feedbackloop.notification.wording;

import org.feedbackloop.events.SilenceDetected;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/** What managers read when feedback goes quiet, without the application. */
class SilenceWordingTest {

    private static final Instant START = Instant.parse("2026-09-25T00:00:00Z");
    private static final Instant END = Instant.parse("2026-10-02T00:00:00Z");

    @Test
    void aQuietChannelIsNamedAsAChannel() {
        var text = Wording.silenceDetected(new SilenceDetected("CHANNEL", "PHONE", START, END, 0, 10.0, Math.exp(-10)));
        assertThat(text.title()).isEqualTo("Gone quiet: feedback by PHONE");
        assertThat(text.body()).isEqualTo("Only 0 items in the 7 days before 2 October 2026, where about 10 were"
                + " expected from the 8 weeks before (so few would happen by chance with probability 0.00005)."
                + " Silence is a signal: check the channel works and whether customers have given up on telling us.");
    }

    @Test
    void aQuietTopicIsNamedAsATopic() {
        var text = Wording.silenceDetected(new SilenceDetected("TOPIC", "delivery", START, END, 2, 9.625, 0.0049));
        assertThat(text.title()).isEqualTo("Gone quiet: delivery feedback");
        assertThat(text.body()).startsWith("Only 2 items in the 7 days before 2 October 2026, where about 10 were"
                + " expected from the 8 weeks before (so few would happen by chance with probability 0.005).")
                .endsWith("check the channels work and whether customers have given up on telling us.");
    }

    @Test
    void oneItemOneExpectedAndAVanishingProbabilityReadAsWords() {
        // P(X <= 1) for X ~ Poisson(6.2) is about 0.0155
        assertThat(Wording.silenceDetected(new SilenceDetected("TOPIC", "billing", START, END, 1, 6.2, 0.015_5)).body())
                .startsWith("Only 1 item in the 7 days").contains("about 6 were expected").contains("probability 0.02)");
        assertThat(Wording.silenceDetected(new SilenceDetected("TOPIC", "billing", START, END, 0, 0.8, 0.449)).body())
                .contains("about 1 was expected").contains("probability 0.4)");
        // e^-800 is below what a double holds: 0
        assertThat(Wording.silenceDetected(new SilenceDetected("CHANNEL", "WEB", START, END, 0, 800, 0.0)).body())
                .contains("about 800 were expected").contains("probability less than one in a million)");
    }
}
