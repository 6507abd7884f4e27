package org.feedbackloop.notification.inbox;

import org.feedbackloop.notification.domain.Kind;
import org.feedbackloop.notification.domain.Notification;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** An answer shows the first feedback ids of a notification; the stored list stays whole. */
class ShownFeedbackIdsTest {

    private static Notification about(int items) {
        var notification = new Notification();
        notification.id = UUID.randomUUID();
        notification.kind = Kind.YOU_SAID_WE_DID;
        notification.title = "You said, we did: Exports";
        notification.createdAt = Instant.parse("2026-03-01T00:00:00Z");
        notification.feedbackIds = Stream.generate(UUID::randomUUID).limit(items).toList();
        return notification;
    }

    @Test
    void theInboxShowsTheFirstOnesAndKeepsThemAll() {
        var many = about(Notification.MAX_SHOWN_FEEDBACK_IDS + 20);

        var item = InboxItem.of(many);

        assertThat(item.feedbackIds()).hasSize(Notification.MAX_SHOWN_FEEDBACK_IDS)
                .isEqualTo(many.feedbackIds.subList(0, Notification.MAX_SHOWN_FEEDBACK_IDS));
        assertThat(many.feedbackIds).hasSize(Notification.MAX_SHOWN_FEEDBACK_IDS + 20);
        assertThat(many.feedbackIdsCut()).isTrue();
    }

    @Test
    void aFewAreShownAsTheyAre() {
        var few = about(3);

        assertThat(InboxItem.of(few).feedbackIds()).isEqualTo(few.feedbackIds);
        assertThat(few.feedbackIdsCut()).isFalse();
        assertThat(about(0).shownFeedbackIds()).isEqualTo(List.of());
    }
}
