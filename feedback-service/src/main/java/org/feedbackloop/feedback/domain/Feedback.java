package org.feedbackloop.feedback.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A contributor's words as captured, with what the analysis derived from them and where they are in the loop. */
@Entity
@Table(name = "feedback")
public class Feedback {

    @Id
    public UUID id;

    public String text;

    @Enumerated(EnumType.STRING)
    public Channel channel;

    @Enumerated(EnumType.STRING)
    @Column(name = "rating_scale")
    public RatingScale ratingScale;

    @Column(name = "rating_score")
    public Integer ratingScore;

    public String topic;

    @Enumerated(EnumType.STRING)
    @Column(name = "topic_source")
    public TopicSource topicSource;

    public double sentiment;

    /** POSITIVE, NEGATIVE, NEUTRAL or MIXED (strong feelings both ways in different parts of the text). */
    @Column(name = "sentiment_label")
    public String sentimentLabel;

    /** The sentiment of each part of a text of several parts, once the model read it. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "sentiment_parts")
    public SentimentParts sentimentParts;

    /**
     * When the sentence model read the text; null until then (topic and sentiment are the first answer, from
     * keywords and the lexicon, and {@code feedback.received} waits).
     */
    @Column(name = "analysed_at")
    public Instant analysedAt;

    /** The submission's trace context, which the announcement continues. */
    public String traceparent;

    @Enumerated(EnumType.STRING)
    public FeedbackStatus status;

    @Column(name = "action_id")
    public UUID actionId;

    /** When the current action link was made: an older link arriving late does not undo a newer one. */
    @Column(name = "action_linked_at")
    public Instant actionLinkedAt;

    /** Set when this answers "did this solve it?" for an action that was done. */
    @Column(name = "follow_up_of_action")
    public UUID followUpOfAction;

    /** Set when this is a customer's "me too" on the public board: it joins that action while it is open. */
    @Column(name = "joins_action")
    public UUID joinsAction;

    /** The title of the action that tracks it, as last announced. */
    @Column(name = "action_title")
    public String actionTitle;

    /** The status of the action that tracks it (OPEN, PLANNED, IN_PROGRESS, DONE, DECLINED), as last announced. */
    @Column(name = "action_status")
    public String actionStatus;

    /** When the action had that title and status: an older announcement arriving late changes nothing. */
    @Column(name = "action_status_at")
    public Instant actionStatusAt;

    /** Praise: the team it was passed to as kudos, instead of an action. */
    @Column(name = "kudos_team")
    public String kudosTeam;

    @Column(name = "kudos_at")
    public Instant kudosAt;

    @Column(name = "contributor_id")
    public String contributorId;

    @Column(name = "submitted_by")
    public String submittedBy;

    @Column(name = "contact_email")
    public String contactEmail;

    @Column(name = "consent_to_contact")
    public boolean consentToContact;

    @Column(name = "external_ref")
    public String externalRef;

    @Column(name = "idempotency_key")
    public String idempotencyKey;

    /** The bulk import that brought it in; null for what was submitted one at a time. */
    @Column(name = "import_id")
    public UUID importId;

    /** Imported history that its contributor is not told about. */
    public boolean silent;

    @Column(name = "request_hash")
    public String requestHash;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "updated_at")
    public Instant updatedAt;

    @Version
    public int version;

    /** How one part of the text reads: its characters {@code [start, end)} and their sentiment in [-1, 1]. */
    public record SentimentPart(
            @Schema(minimum = "0", maximum = "" + NewFeedback.MAX_TEXT) int start,
            @Schema(minimum = "0", maximum = "" + NewFeedback.MAX_TEXT) int end,
            double sentiment) {
    }

    /** The parts, as stored: a JSON object (the reactive driver reads a JSON column only as an object). */
    public record SentimentParts(List<SentimentPart> parts) {
    }
}
