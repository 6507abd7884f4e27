package org.feedbackloop.events;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;

import java.time.Instant;
import java.util.UUID;

/**
 * Data of {@code feedback.received}: a contributor's words as captured and analysed.
 *
 * @param feedbackId       the feedback item
 * @param contributorId    the contributor's identity ({@code sub} of their token) when a customer
 *                         submitted it themselves; absent for imports by an integrator
 * @param contactEmail     where the contributor may be told what changed; present only when they
 *                         consented to contact
 * @param consentToContact whether the contributor agreed to hear back
 * @param channel          one of WEB, EMAIL, SURVEY, SOCIAL, PHONE, IN_APP, API
 * @param text             the contributor's own words
 * @param topic            topic from the taxonomy (given by the submitter or classified)
 * @param sentiment        sentiment score in [-1, 1], as the sentence model read it
 * @param rating           optional NPS or CSAT rating
 * @param externalRef      the submitter's own reference, if any
 * @param receivedAt       when the item was stored
 * @param followUpOfAction set when the feedback answers "did this solve it?" after an action was done: it
 *                         belongs to that action (an extension of the contract; absent otherwise)
 * @param joinsAction      set when the feedback is a customer's "me too" on the public board: it joins that
 *                         action if it is still open (an extension of the contract; absent otherwise)
 * @param sentimentLabel   POSITIVE, NEGATIVE, NEUTRAL or MIXED (strong feelings both ways in different parts)
 *                         (an extension of the contract)
 * @param problem          what the feedback is about, for grouping it with feedback about the same problem
 *                         (an extension of the contract; absent only from events older than the model)
 * @param silent           true for history brought in by an import that did not ask to tell anyone: its contributor
 *                         hears nothing about it (no acknowledgement, no "now tracked", no update) and no clock to
 *                         tell them runs; it still counts for triage and insights (an extension of the contract;
 *                         absent otherwise)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record FeedbackReceived(
        UUID feedbackId,
        String contributorId,
        String contactEmail,
        boolean consentToContact,
        String channel,
        String text,
        String topic,
        double sentiment,
        Rating rating,
        String externalRef,
        Instant receivedAt,
        UUID followUpOfAction,
        UUID joinsAction,
        String sentimentLabel,
        ProblemVector problem,
        Boolean silent) implements EventData {

    @Override
    @JsonIgnore
    public boolean isComplete() {
        return feedbackId != null && text != null && !text.isBlank() && topic != null && channel != null
                && receivedAt != null && sentiment >= -1 && sentiment <= 1;
    }


    /** Whether the contributor is to hear about this feedback at all. */
    @JsonIgnore
    public boolean isSilent() {
        return Boolean.TRUE.equals(silent);
    }

    /** A rating on a known scale: NPS 0–10 or CSAT 1–5. */
    public record Rating(String scale, int score) {
    }
}
