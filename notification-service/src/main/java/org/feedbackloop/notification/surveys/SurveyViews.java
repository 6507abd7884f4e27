package org.feedbackloop.notification.surveys;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.feedbackloop.events.EventTypes;
import org.feedbackloop.kit.openapi.Counts;

import java.time.Instant;
import java.util.UUID;

/** What the survey API answers. */
public final class SurveyViews {

    static final String REASON_QUESTION = "What is the main reason for your score?";
    static final String MIN_VALID_DAYS = "" + SurveyRequests.MIN_VALID_DAYS;
    static final String MAX_VALID_DAYS = "" + SurveyRequests.MAX_VALID_DAYS;
    static final String MAX_RECIPIENTS = "" + SurveyRequests.MAX_RECIPIENTS;

    private SurveyViews() {
    }

    @Schema(name = "Survey")
    public record SurveyView(
            UUID id,
            @Schema(maxLength = SurveyRequests.NAME_MAX_LENGTH) String name,
            @Schema(enumeration = {Survey.NPS, Survey.CSAT}) String scale,
            @Schema(maxLength = SurveyRequests.QUESTION_MAX_LENGTH) String question,
            @Schema(enumeration = REASON_QUESTION) String reasonQuestion,
            @Schema(nullable = true, maxLength = SurveyRequests.TOPIC_MAX_LENGTH, pattern = SurveyRequests.TOPIC_PATTERN)
            String topic,
            @Schema(minimum = SurveyViews.MIN_VALID_DAYS, maximum = SurveyViews.MAX_VALID_DAYS) int validForDays,
            @Schema(nullable = true, description = "The routing key after which it is asked by itself",
                    enumeration = EventTypes.ACTION_STATUS_CHANGED) String trigger,
            Instant createdAt,
            @Schema(description = "People asked", minimum = Counts.MIN, maximum = Counts.LONG_MAX) long invited,
            @Schema(description = "People who answered", minimum = Counts.MIN, maximum = Counts.LONG_MAX) long answered,
            @Schema(description = "answered / invited, 0 when nobody was asked") double responseRate) {

        static SurveyView of(Survey survey, long invited, long answered) {
            return new SurveyView(survey.id, survey.name, survey.scale, survey.question, REASON_QUESTION, survey.topic,
                    survey.validForDays, survey.trigger, survey.createdAt, invited, answered,
                    invited == 0 ? 0 : Math.round(answered * 1000.0 / invited) / 1000.0);
        }
    }

    @Schema(name = "SurveyInvitationsResult")
    public record InvitationsResult(
            @Schema(description = "People asked now (an invitation e-mail each, unless their address unsubscribed or bounced)",
                    minimum = "0", maximum = MAX_RECIPIENTS)
            int invited,
            @Schema(description = "People this survey had asked before: not asked again", minimum = "0",
                    maximum = MAX_RECIPIENTS) int alreadyInvited) {
    }

    /** What the answer page shows, read with the invitation's token. */
    @Schema(name = "SurveyQuestion")
    public record Question(
            @Schema(maxLength = SurveyRequests.NAME_MAX_LENGTH) String surveyName,
            @Schema(maxLength = SurveyRequests.QUESTION_MAX_LENGTH) String question,
            @Schema(enumeration = REASON_QUESTION) String reasonQuestion,
            @Schema(enumeration = {Survey.NPS, Survey.CSAT}) String scale,
            @Schema(minimum = Survey.LOWEST_SCORE, maximum = Survey.HIGHEST_SCORE) int lowest,
            @Schema(minimum = Survey.LOWEST_SCORE, maximum = Survey.HIGHEST_SCORE) int highest,
            Instant expiresAt) {
    }
}
