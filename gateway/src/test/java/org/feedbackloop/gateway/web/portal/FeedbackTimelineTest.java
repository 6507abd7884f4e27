package org.feedbackloop.gateway.web.portal;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class FeedbackTimelineTest {

    private static final Instant T0 = Instant.parse("2026-11-30T10:00:00Z");

    @Test
    void tellsTheStoryOfOneItemOldestFirst() {
        var mine = UUID.randomUUID();
        var other = UUID.randomUUID();
        var item = new FeedbackItem(mine, "TRACKED", "Charged twice", "WEB", null, "billing", UUID.randomUUID(), null, T0, T0);
        var inbox = List.of(
                entry("YOU_SAID_WE_DID", "You said, we did: refunds", T0.plusSeconds(300), mine, "DONE"),
                entry("ACKNOWLEDGED", "Thank you, we heard you", T0.plusSeconds(1), mine, null),
                entry("ACKNOWLEDGED", "Thank you, we heard you", T0.plusSeconds(2), other, null));

        var timeline = FeedbackTimeline.of(item, inbox);

        assertThat(timeline.events()).extracting(FeedbackTimeline.Event::label)
                .containsExactly("You told us", "Received", "You said, we did");
        assertThat(timeline.latest().outcome()).isTrue();
        assertThat(timeline.latest().status()).isEqualTo("DONE");
        assertThat(timeline.updates()).isEqualTo(2);
    }

    private static InboxEntry entry(String kind, String title, Instant at, UUID feedbackId, String status) {
        var data = status == null ? null
                : new com.fasterxml.jackson.databind.ObjectMapper().createObjectNode().put("status", status);
        return new InboxEntry(UUID.randomUUID(), kind, title, "body", null, List.of(feedbackId), data, at, null);
    }
}
