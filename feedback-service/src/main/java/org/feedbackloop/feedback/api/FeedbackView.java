package org.feedbackloop.feedback.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.feedbackloop.events.Lengths;
import org.feedbackloop.feedback.analysis.Segments;
import org.feedbackloop.feedback.analysis.SentimentLabel;
import org.feedbackloop.feedback.domain.Channel;
import org.feedbackloop.feedback.domain.Feedback;
import org.feedbackloop.feedback.domain.FeedbackStatus;
import org.feedbackloop.feedback.domain.NewFeedback;
import org.feedbackloop.feedback.domain.RatingScale;
import org.feedbackloop.feedback.domain.TopicSource;
import org.feedbackloop.feedback.taxonomy.Topic;
import org.feedbackloop.kit.http.QueryParams;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A feedback item as the API shows it. */
@Schema(name = "Feedback")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record FeedbackView(
        @Schema(examples = "0b6f1f8e-8c1e-4f3a-9a57-1f0c3c1b2d4e") UUID id,
        @Schema(description = "RECEIVED, then TRACKED once linked to an action (or passed to a team as kudos), then CLOSED "
                + "when the loop is closed: the contributor was told the action is done or declined, or that their praise "
                + "reached the team")
        FeedbackStatus status,
        @Schema(maxLength = NewFeedback.MAX_TEXT) String text,
        Channel channel,
        Rating rating,
        @Schema(description = "Topic from the taxonomy", examples = "billing", maxLength = Topic.MAX_NAME,
                pattern = QueryParams.NAME_PATTERN) String topic,
        @Schema(description = "Sentiment of the text, from -1 (very negative) to 1 (very positive)", examples = "-0.62")
        double sentiment,
        @Schema(description = "How topic and sentiment were found, and the sentiment of each part of the text")
        Analysis analysis,
        @Schema(description = "The action this feedback is tracked by, once there is one") UUID actionId,
        @Schema(description = "The title of that action", maxLength = Lengths.ACTION_TITLE) String actionTitle,
        @Schema(description = "The status of that action: OPEN, PLANNED, IN_PROGRESS, DONE or DECLINED", maxLength = Lengths.CODE)
        String actionStatus,
        @Schema(description = "Set when this answers \"did this solve it?\" for a done action") UUID followUpOfAction,
        @Schema(description = "Set when this is a \"me too\" on the public board: the action it joins") UUID joinsAction,
        // a team's name follows the rule of a topic's: action-service checks it with the same pattern
        @Schema(description = "Set when the feedback was praise: the team it was passed to as kudos (praise opens no action)",
                examples = "billing", maxLength = Lengths.NAME, pattern = QueryParams.NAME_PATTERN) String passedToTeam,
        Contact contact,
        boolean consentToContact,
        @Schema(maxLength = NewFeedback.MAX_EXTERNAL_REF) String externalRef,
        Instant createdAt,
        Instant updatedAt) {

    /**
     * The analysis behind topic and sentiment. The 201 of a submission carries a first answer (topic from the
     * taxonomy's keywords, sentiment from a lexicon; {@code complete} false); a moment later the sentence model has
     * read the text, and the item shows its topic (nearest by meaning), its sentiment and the parts it read.
     */
    @Schema(name = "FeedbackAnalysis")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Analysis(
            @Schema(description = "True once the sentence model read the text; until then topic and sentiment are the first answer")
            boolean complete,
            @Schema(description = "PROVIDED by the submitter, MEANING (nearest topic by meaning), CLASSIFIED (keywords) or FALLBACK")
            TopicSource topicSource,
            @Schema(description = "POSITIVE, NEGATIVE, NEUTRAL or MIXED (strong feelings both ways in different parts)",
                    type = SchemaType.STRING, implementation = SentimentLabel.class)
            String sentimentLabel,
            @Schema(description = "Each part of a text of several parts: its characters [start, end) and their sentiment",
                    maxItems = Segments.MAX_SEGMENTS)
            List<Feedback.SentimentPart> parts,
            @Schema(description = "When the sentence model read the text") Instant analysedAt) {

        static Analysis of(Feedback f) {
            return new Analysis(f.analysedAt != null, f.topicSource, f.sentimentLabel,
                    f.sentimentParts == null ? null : f.sentimentParts.parts(), f.analysedAt);
        }
    }

    @Schema(name = "RatingView")
    public record Rating(
            RatingScale scale,
            @Schema(minimum = "" + RatingScale.LOWEST, maximum = "" + RatingScale.HIGHEST) int score) {
    }

    @Schema(name = "ContactView")
    public record Contact(@Schema(format = "email", maxLength = NewFeedback.MAX_EMAIL) String email) {
    }

    public static FeedbackView of(Feedback f) {
        return new FeedbackView(f.id, f.status, f.text, f.channel,
                f.ratingScale == null ? null : new Rating(f.ratingScale, f.ratingScore),
                f.topic, f.sentiment, Analysis.of(f), f.actionId, f.actionTitle, f.actionStatus, f.followUpOfAction, f.joinsAction,
                f.kudosTeam, f.contactEmail == null ? null : new Contact(f.contactEmail),
                f.consentToContact, f.externalRef, f.createdAt, f.updatedAt);
    }
}
