package org.feedbackloop.gateway.web.portal;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class FeedbackFormTest {

    @Test
    void aValidFormBecomesTheApiRequest() {
        var form = new FeedbackForm("  Late parcel  ", "WEB", "NPS", "3", null, "delivery", true, FeedbackForm.newKey());

        assertThat(form.problems()).isEmpty();
        assertThat(form.toRequest()).containsEntry("text", "Late parcel").containsEntry("channel", "WEB")
                .containsEntry("rating", Map.of("scale", "NPS", "score", 3)).containsEntry("topic", "delivery")
                .containsEntry("consentToContact", true);
    }

    @Test
    void onlyTheChosenScaleCounts() {
        var csat = new FeedbackForm("Fine", "IN_APP", "CSAT", "9", "4", "", false, FeedbackForm.newKey());
        var none = new FeedbackForm("Fine", "IN_APP", "NONE", "9", "4", null, true, FeedbackForm.newKey());

        assertThat(csat.toRequest()).containsEntry("rating", Map.of("scale", "CSAT", "score", 4))
                .containsEntry("consentToContact", false).doesNotContainKey("topic");
        assertThat(none.toRequest()).doesNotContainKey("rating");
    }

    @Test
    void eachMistakeGetsItsOwnMessage() {
        var form = new FeedbackForm(" ", "FAX", "NPS", "11", null, "Not A Topic", true, FeedbackForm.newKey());

        assertThat(form.problems()).hasSize(4)
                .anySatisfy(p -> assertThat(p).contains("text is empty"))
                .anySatisfy(p -> assertThat(p).contains("how you are contacting us"))
                .anySatisfy(p -> assertThat(p).contains("0 to 10"))
                .anySatisfy(p -> assertThat(p).contains("topic"));
        assertThat(new FeedbackForm("x".repeat(5001), "WEB", "NONE", null, null, null, true, "k").problems())
                .singleElement().asString().contains("5000");
    }

    @Test
    void aNewKeyIsMadeForEachRender() {
        var form = FeedbackForm.blank();

        assertThat(form.withNewKey().idempotencyKey()).isNotEqualTo(form.idempotencyKey());
        assertThat(form.npsScale()).hasSize(11).startsWith(0).endsWith(10);
        assertThat(form.csatScale()).containsExactly(1, 2, 3, 4, 5);
    }
}
