package org.feedbackloop.feedback.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.feedbackloop.feedback.domain.Channel;
import org.feedbackloop.feedback.domain.Feedback;
import org.feedbackloop.feedback.domain.FeedbackStatus;
import org.feedbackloop.feedback.domain.RatingScale;

import java.time.Instant;
import java.util.UUID;

/** A feedback item as the API shows it. */
@Schema(name = "Feedback")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record FeedbackView(
        @Schema(examples = "0b6f1f8e-8c1e-4f3a-9a57-1f0c3c1b2d4e") UUID id,
        @Schema(description = "RECEIVED, then TRACKED once linked to an action, then CLOSED when the loop is closed")
        FeedbackStatus status,
        String text,
        Channel channel,
        Rating rating,
        @Schema(description = "Topic from the taxonomy", examples = "billing") String topic,
        @Schema(description = "Sentiment of the text, from -1 (very negative) to 1 (very positive)", examples = "-0.62")
        double sentiment,
        @Schema(description = "The action this feedback is tracked by, once there is one") UUID actionId,
        @Schema(description = "The title of that action") String actionTitle,
        @Schema(description = "The status of that action: OPEN, PLANNED, IN_PROGRESS, DONE or DECLINED")
        String actionStatus,
        @Schema(description = "Set when this answers \"did this solve it?\" for a done action") UUID followUpOfAction,
        @Schema(description = "Set when this is a \"me too\" on the public board: the action it joins") UUID joinsAction,
        Contact contact,
        boolean consentToContact,
        String externalRef,
        Instant createdAt,
        Instant updatedAt) {

    @Schema(name = "RatingView")
    public record Rating(RatingScale scale, int score) {
    }

    @Schema(name = "ContactView")
    public record Contact(String email) {
    }

    static FeedbackView of(Feedback f) {
        return new FeedbackView(f.id, f.status, f.text, f.channel,
                f.ratingScale == null ? null : new Rating(f.ratingScale, f.ratingScore),
                f.topic, f.sentiment, f.actionId, f.actionTitle, f.actionStatus, f.followUpOfAction, f.joinsAction,
                f.contactEmail == null ? null : new Contact(f.contactEmail),
                f.consentToContact, f.externalRef, f.createdAt, f.updatedAt);
    }
}
