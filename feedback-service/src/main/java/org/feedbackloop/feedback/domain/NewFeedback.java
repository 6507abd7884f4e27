package org.feedbackloop.feedback.domain;

import org.feedbackloop.events.Lengths;
import java.util.UUID;

/**
 * Feedback as submitted, already validated for shape; the service adds identity, analysis and status.
 *
 * @param topic        the submitter's topic, or null to derive it from the text
 * @param contactEmail  where to tell the contributor what changed, or null for the address in their token
 * @param contributorId the customer it comes from when the caller is not that customer and knows it (the mailbox,
 *                      by a verified address); null otherwise
 * @param followUpOfAction the action whose thread it continues (a reply to one of its e-mails); null otherwise
 */
public record NewFeedback(
        String text,
        Channel channel,
        RatingScale ratingScale,
        Integer ratingScore,
        String topic,
        String contactEmail,
        boolean consentToContact,
        String externalRef,
        String contributorId,
        UUID followUpOfAction) {

    /** The longest text feedback may have, whatever its channel; the database checks it too. */
    public static final int MAX_TEXT = Lengths.FEEDBACK_TEXT;
    /** The longest reference of its own a submitter may give. */
    public static final int MAX_EXTERNAL_REF = Lengths.EXTERNAL_REF;
    /** The longest contact address (RFC 5321's limit for a path). */
    public static final int MAX_EMAIL = Lengths.EMAIL;
}
