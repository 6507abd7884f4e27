package org.feedbackloop.gateway.web.console;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PublicNotePreviewTest {

    @Test
    void doneReadsAsYouSaidWeDid() {
        var preview = PublicNotePreview.of("DONE", "Double charges on invoices", " We refunded everyone. ", "I was charged twice");

        assertThat(preview.title()).isEqualTo("You said, we did: Double charges on invoices");
        assertThat(preview.body()).isEqualTo("It is done. We refunded everyone.");
        assertThat(preview.quote()).isEqualTo("I was charged twice");
        assertThat(preview.statusWords()).isEqualTo("Done");
        assertThat(preview.tellsContributors()).isTrue();
        assertThat(preview.warning()).isNull();
    }

    @Test
    void declinedOwesTheReason() {
        var preview = PublicNotePreview.of("DECLINED", "Dark mode", "It would slow the app down for everyone.", null);

        assertThat(preview.title()).isEqualTo("About what you told us: Dark mode");
        assertThat(preview.body()).isEqualTo("We have decided not to make this change, and we owe you the reason: "
                + "It would slow the app down for everyone.");
    }

    @Test
    void otherStepsUseTheirOwnTitlesAndTheNoteAsItIs() {
        assertThat(PublicNotePreview.of("PLANNED", "X", "Next sprint.", null).title()).isEqualTo("Planned: X");
        assertThat(PublicNotePreview.of("IN_PROGRESS", "X", "Started.", null).title()).isEqualTo("We are working on it: X");
        assertThat(PublicNotePreview.of("IN_PROGRESS", "X", "Started.", null).body()).isEqualTo("Started.");
    }

    @Test
    void withoutANoteNobodyIsToldAndDoneSaysTheNoteIsRequired() {
        var done = PublicNotePreview.of("DONE", "X", "  ", null);
        var planned = PublicNotePreview.of("PLANNED", "X", null, null);

        assertThat(done.tellsContributors()).isFalse();
        assertThat(done.body()).isNull();
        assertThat(done.warning()).contains("required");
        assertThat(planned.warning()).contains("not told");
    }

    @Test
    void quotesAsNotificationServiceDoes() {
        assertThat(PublicNotePreview.quote("  two\n\nlines\tand  spaces ")).isEqualTo("two lines and spaces");
        var long300 = "a".repeat(300);
        assertThat(PublicNotePreview.quote(long300)).hasSize(200).endsWith("…");
        assertThat(PublicNotePreview.quote(null)).isNull();
    }
}
