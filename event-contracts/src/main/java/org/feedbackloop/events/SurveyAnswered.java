package org.feedbackloop.events;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;

import java.time.Instant;
import java.util.UUID;

/**
 * Data of {@code notification.survey-answered}: someone answered a survey through the signed link of their
 * invitation. feedback-service records it as feedback with channel SURVEY and the rating.
 *
 * @param invitationId  the invitation (one answer each): the answer's idempotency key
 * @param contributorId the customer invited, when the invitation named one; absent for an address alone
 * @param contactEmail  the address invited
 * @param scale         NPS (0–10) or CSAT (1–5)
 * @param reason        the answer to "what is the main reason for your score?", when given
 * @param topic         the survey's topic, when it has one (a delivery survey: delivery)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SurveyAnswered(
        UUID surveyId,
        String surveyName,
        UUID invitationId,
        String contributorId,
        String contactEmail,
        String scale,
        int score,
        String reason,
        String topic,
        Instant answeredAt) implements EventData {

    @Override
    @JsonIgnore
    public boolean isComplete() {
        return surveyId != null && invitationId != null && surveyName != null && answeredAt != null
                && ("NPS".equals(scale) && score >= 0 && score <= 10 || "CSAT".equals(scale) && score >= 1 && score <= 5);
    }
}
