package org.feedbackloop.notification.surveys;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.feedbackloop.kit.http.WellFormedText;

import java.util.List;

/** The bodies the survey API reads. */
public final class SurveyRequests {

    private SurveyRequests() {
    }

    /** The body of {@code POST /api/surveys}. */
    @Schema(name = "NewSurvey")
    public record NewSurvey(
            @Schema(description = "What it asks about, as people read it in the invitation", examples = "Your delivery")
            @NotBlank @Size(max = 200) @WellFormedText
            String name,
            @Schema(description = "NPS: 0–10; CSAT: 1–5", examples = "CSAT")
            @NotNull @Pattern(regexp = "NPS|CSAT", message = "must be NPS or CSAT")
            String scale,
            @Schema(description = "The question of the score; a standard one for the scale when absent",
                    examples = "How satisfied are you with your delivery?")
            @Size(max = 300) @WellFormedText
            String question,
            @Schema(description = "The topic its answers take; derived from each answer's words when absent", examples = "delivery")
            @Pattern(regexp = "[a-z][a-z0-9-]{1,39}", message = "must be a topic name such as delivery")
            String topic,
            @Schema(description = "How long an invitation's link works, in days; default 14", examples = "14")
            @Min(1) @Max(365)
            Integer validForDays,
            @Schema(description = "Ask it by itself after each event of this routing key: action.status-changed asks "
                    + "the contributors of an action once it is done or declined (when they are told)",
                    examples = "action.status-changed")
            @Pattern(regexp = "action\\.status-changed", message = "must be action.status-changed")
            String trigger) {
    }

    /** The body of {@code POST /api/surveys/{id}/invitations}. */
    @Schema(name = "SurveyInvitations")
    public record Invitations(
            @Schema(description = "Who to ask: 1 to 1000 people; an address already asked is not asked again")
            @NotNull @Size(min = 1, max = 1000)
            List<@NotNull @Valid Recipient> recipients) {
    }

    @Schema(name = "SurveyRecipient")
    public record Recipient(
            @Schema(examples = "ann@example.com")
            @NotBlank @Email(regexp = ".+@.+\\..+", message = "must be an e-mail address") @Size(max = 254) @WellFormedText
            String email,
            @Schema(description = "The customer's identity (their token's subject), so that the answer joins their history")
            @Size(max = 255) @WellFormedText
            String customerId) {
    }

    /** The body of {@code POST /api/public/surveys/{token}}. */
    @Schema(name = "SurveyAnswer")
    public record Answer(
            @Schema(description = "Within the survey's scale", examples = "9")
            @NotNull
            Integer score,
            @Schema(description = "What is the main reason for your score?", examples = "The parcel came a day early.")
            @Size(max = 2000) @WellFormedText
            String reason) {
    }
}
