package org.feedbackloop.feedback.api;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.feedbackloop.feedback.domain.Channel;
import org.feedbackloop.feedback.domain.NewFeedback;
import org.feedbackloop.feedback.domain.RatingScale;
import org.feedbackloop.feedback.taxonomy.Topic;
import org.feedbackloop.kit.http.QueryParams;
import org.feedbackloop.kit.http.WellFormedText;

/** The body of {@code POST /api/feedback}. */
@Schema(name = "SubmitFeedback", description = "A contributor's feedback")
public record SubmitFeedback(
        @Schema(description = "The contributor's own words, 1 to " + NewFeedback.MAX_TEXT + " characters",
                examples = "I was charged twice for my March invoice and still have no refund.")
        @NotBlank @Size(max = NewFeedback.MAX_TEXT) @WellFormedText
        String text,

        @Schema(description = "Where the feedback came from", examples = "WEB")
        @NotNull
        Channel channel,

        @Schema(description = "An optional rating: NPS 0–10 or CSAT 1–5")
        @Valid
        RatingInput rating,

        @Schema(description = "A topic of the taxonomy (GET /api/feedback/topics); derived from the text when absent",
                examples = "billing", maxLength = Topic.MAX_NAME)
        @Pattern(regexp = QueryParams.NAME_PATTERN, message = "must be a topic name such as billing")
        String topic,

        @Schema(description = "Where to tell the contributor what changed; defaults to the address in a customer's token")
        @Valid
        ContactInput contact,

        @Schema(description = "Whether the contributor agrees to hear back; default true", examples = "true")
        Boolean consentToContact,

        @Schema(description = "The submitter's own reference, for example a survey response id", examples = "survey-2026-11/4711")
        @Size(max = NewFeedback.MAX_EXTERNAL_REF) @WellFormedText @Pattern(regexp = QueryParams.NO_CONTROL_CHARACTERS, message = "must not contain control characters")
        String externalRef) {

    /** The optional rating of a submission. */
    @Schema(name = "Rating")
    @ScoreWithinScale
    public record RatingInput(
            @Schema(examples = "NPS") @NotNull RatingScale scale,
            @Schema(examples = "3", minimum = "" + RatingScale.LOWEST, maximum = "" + RatingScale.HIGHEST) @NotNull Integer score) {
    }

    @Schema(name = "Contact")
    public record ContactInput(
            @Schema(examples = "alice@example.com", format = "email")
            @Email(regexp = ".+@.+\\..+", message = "must be an e-mail address") @Size(max = NewFeedback.MAX_EMAIL) @WellFormedText
            String email) {
    }

    public NewFeedback toNewFeedback() {
        return new NewFeedback(text.strip(), channel,
                rating == null ? null : rating.scale(),
                rating == null ? null : rating.score(),
                topic,
                contact == null ? null : contact.email(),
                consentToContact == null || consentToContact,
                externalRef,
                null,
                null);
    }
}
