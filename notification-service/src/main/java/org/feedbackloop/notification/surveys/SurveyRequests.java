package org.feedbackloop.notification.surveys;

import org.feedbackloop.events.Lengths;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.feedbackloop.events.EventTypes;
import org.feedbackloop.kit.http.QueryParams;
import org.feedbackloop.kit.http.WellFormedText;

import java.util.List;

/** The bodies the survey API reads. */
public final class SurveyRequests {

    public static final int NAME_MAX_LENGTH = Lengths.SURVEY_NAME;
    static final int QUESTION_MAX_LENGTH = 300;
    static final int TOPIC_MAX_LENGTH = Lengths.NAME;
    /**
     * A topic's name: lower case, digits and hyphens, 2 to {@link #TOPIC_MAX_LENGTH} characters; anchored, so that a
     * JSON Schema reads it as the whole value, as {@code @Pattern} does.
     */
    static final String TOPIC_PATTERN = QueryParams.NAME_PATTERN;
    static final int MIN_VALID_DAYS = 1;
    static final int MAX_VALID_DAYS = 365;
    static final int DEFAULT_VALID_DAYS = 14;
    static final int MAX_RECIPIENTS = 1000;
    public static final int EMAIL_MAX_LENGTH = 254;
    static final int CUSTOMER_ID_MAX_LENGTH = 255;
    public static final int REASON_MAX_LENGTH = 2000;

    private SurveyRequests() {
    }

    /** The body of {@code POST /api/surveys}. */
    @Schema(name = "NewSurvey")
    public record NewSurvey(
            @Schema(description = "What it asks about, as people read it in the invitation", examples = "Your delivery")
            @NotBlank @Size(max = NAME_MAX_LENGTH) @WellFormedText
            String name,
            @Schema(description = Survey.NPS + ": " + Survey.NPS_LOWEST + "–" + Survey.NPS_HIGHEST + "; " + Survey.CSAT
                    + ": " + Survey.CSAT_LOWEST + "–" + Survey.CSAT_HIGHEST, examples = Survey.CSAT,
                    enumeration = {Survey.NPS, Survey.CSAT})
            @NotNull @Pattern(regexp = Survey.NPS + "|" + Survey.CSAT, message = "must be " + Survey.NPS + " or " + Survey.CSAT)
            String scale,
            @Schema(description = "The question of the score; a standard one for the scale when absent",
                    examples = "How satisfied are you with your delivery?")
            @Size(max = QUESTION_MAX_LENGTH) @WellFormedText
            String question,
            @Schema(description = "The topic its answers take; derived from each answer's words when absent", examples = "delivery",
                    maxLength = TOPIC_MAX_LENGTH)
            @Pattern(regexp = TOPIC_PATTERN, message = "must be a topic name such as delivery")
            String topic,
            @Schema(description = "How long an invitation's link works, in days; default " + DEFAULT_VALID_DAYS,
                    examples = "" + DEFAULT_VALID_DAYS, defaultValue = "" + DEFAULT_VALID_DAYS)
            @Min(MIN_VALID_DAYS) @Max(MAX_VALID_DAYS)
            Integer validForDays,
            @Schema(description = "Ask it by itself after each event of this routing key: action.status-changed asks "
                    + "the contributors of an action once it is done or declined (when they are told)",
                    examples = EventTypes.ACTION_STATUS_CHANGED, enumeration = EventTypes.ACTION_STATUS_CHANGED)
            @Pattern(regexp = "action\\.status-changed", message = "must be action.status-changed")
            String trigger) {
    }

    /** The body of {@code POST /api/surveys/{id}/invitations}. */
    @Schema(name = "SurveyInvitations")
    public record Invitations(
            @Schema(description = "Who to ask: 1 to " + MAX_RECIPIENTS + " people; an address already asked is not asked "
                    + "again")
            @NotNull @Size(min = 1, max = MAX_RECIPIENTS)
            List<@NotNull @Valid Recipient> recipients) {
    }

    @Schema(name = "SurveyRecipient")
    public record Recipient(
            @Schema(examples = "ann@example.com")
            @NotBlank @Email(regexp = ".+@.+\\..+", message = "must be an e-mail address") @Size(max = EMAIL_MAX_LENGTH)
            @WellFormedText
            String email,
            @Schema(description = "The customer's identity (their token's subject), so that the answer joins their history")
            @Size(max = CUSTOMER_ID_MAX_LENGTH) @WellFormedText
            String customerId) {
    }

    /** The body of {@code POST /api/public/surveys/{token}}. */
    @Schema(name = "SurveyAnswer")
    public record Answer(
            @Schema(description = "Within the survey's scale", examples = "9", minimum = Survey.LOWEST_SCORE,
                    maximum = Survey.HIGHEST_SCORE)
            @NotNull
            Integer score,
            @Schema(description = "What is the main reason for your score?", examples = "The parcel came a day early.")
            @Size(max = REASON_MAX_LENGTH) @WellFormedText
            String reason) {
    }
}
