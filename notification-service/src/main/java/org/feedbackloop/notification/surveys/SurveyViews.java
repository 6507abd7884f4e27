package org.feedbackloop.notification.surveys;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.UUID;

/** What the survey API answers. */
public final class SurveyViews {

    static final String REASON_QUESTION = "What is the main reason for your score?";

    private SurveyViews() {
    }

    @Schema(name = "Survey")
    public record SurveyView(
            UUID id,
            String name,
            @Schema(enumeration = {"NPS", "CSAT"}) String scale,
            String question,
            String reasonQuestion,
            @Schema(nullable = true) String topic,
            int validForDays,
            @Schema(nullable = true, description = "The routing key after which it is asked by itself") String trigger,
            Instant createdAt,
            @Schema(description = "People asked") long invited,
            @Schema(description = "People who answered") long answered,
            @Schema(description = "answered / invited, 0 when nobody was asked") double responseRate) {

        static SurveyView of(Survey survey, long invited, long answered) {
            return new SurveyView(survey.id, survey.name, survey.scale, survey.question, REASON_QUESTION, survey.topic,
                    survey.validForDays, survey.trigger, survey.createdAt, invited, answered,
                    invited == 0 ? 0 : Math.round(answered * 1000.0 / invited) / 1000.0);
        }
    }

    @Schema(name = "SurveyInvitationsResult")
    public record InvitationsResult(
            @Schema(description = "People asked now (an invitation e-mail each, unless their address unsubscribed or bounced)")
            int invited,
            @Schema(description = "People this survey had asked before: not asked again") int alreadyInvited) {
    }

    /** What the answer page shows, read with the invitation's token. */
    @Schema(name = "SurveyQuestion")
    public record Question(
            String surveyName,
            String question,
            String reasonQuestion,
            @Schema(enumeration = {"NPS", "CSAT"}) String scale,
            int lowest,
            int highest,
            Instant expiresAt) {
    }
}
