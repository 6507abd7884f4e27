package org.feedbackloop.notification.webhooks;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.feedbackloop.kit.http.WellFormedText;

import java.util.List;

/** The body of {@code POST /api/webhooks}. */
@Schema(name = "NewWebhook")
public record NewWebhook(
        @Schema(description = "Where to POST the events: http or https, a public host", required = true,
                examples = "https://hooks.example.com/feedbackloop")
        @NotBlank @Size(max = UrlGuard.MAX_LENGTH)
        String url,
        @Schema(description = "Event types to receive, or a family wildcard: feedback.*, action.* or insight.*",
                required = true, examples = "[\"action.status-changed\", \"feedback.*\"]")
        @NotNull @Size(min = 1, max = NewWebhook.MAX_EVENT_TYPES)
        List<@NotNull String> eventTypes,
        @Schema(description = "What it is for, for your own reference", examples = "CRM sync")
        @Size(max = NewWebhook.DESCRIPTION_MAX_LENGTH) @WellFormedText
        String description) {

    static final int MAX_EVENT_TYPES = 20;
    static final int DESCRIPTION_MAX_LENGTH = 200;
}
