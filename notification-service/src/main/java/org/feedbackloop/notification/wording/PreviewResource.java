package org.feedbackloop.notification.wording;

import io.smallrye.common.annotation.NonBlocking;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.feedbackloop.kit.http.WellFormedText;
import org.feedbackloop.kit.problem.Problem;
import org.feedbackloop.kit.security.Roles;

/**
 * How a "you said, we did" message will read, before it is sent: the console shows it to the owner writing the
 * public note, so that what they see is what every contributor will read, worded here and nowhere else.
 */
@Path("/api/notifications/you-said-we-did/preview")
@Tag(name = "Wording", description = "The words of the messages, before they are sent")
@SecurityRequirement(name = "bearer")
public class PreviewResource {

    static final int STATUS_MAX_LENGTH = 20;
    static final int ACTION_TITLE_MAX_LENGTH = 300;
    static final int PUBLIC_NOTE_MAX_LENGTH = 2000;
    static final int CONTRIBUTOR_WORDS_MAX_LENGTH = 5000;

    @Schema(name = "PublicNotePreviewRequest")
    public record Request(
            @Schema(description = "The status the action moves to", examples = "DONE", maxLength = STATUS_MAX_LENGTH)
            @NotNull @Pattern(regexp = "[A-Z_]{1," + STATUS_MAX_LENGTH + "}", message = "must be a status such as DONE")
            String status,
            @Schema(description = "The action's title as customers read it", examples = "Double charges on invoices")
            @NotNull @Size(max = ACTION_TITLE_MAX_LENGTH) @WellFormedText String actionTitle,
            @Schema(description = "The public note; empty when the step tells nobody", examples = "We refunded everyone.")
            @Size(max = PUBLIC_NOTE_MAX_LENGTH) @WellFormedText String publicNote,
            @Schema(description = "A contributor's own words, to quote as the message does")
            @Size(max = CONTRIBUTOR_WORDS_MAX_LENGTH) @WellFormedText String contributorWords) {
    }

    @Schema(name = "PublicNotePreview")
    public record Worded(
            @Schema(examples = "You said, we did: Double charges on invoices",
                    maxLength = Wording.HEADING_MAX_LENGTH + ACTION_TITLE_MAX_LENGTH) String title,
            @Schema(nullable = true, description = "null without a public note",
                    examples = "It is done. We refunded everyone.",
                    maxLength = Wording.NOTE_LEAD_MAX_LENGTH + PUBLIC_NOTE_MAX_LENGTH) String body,
            @Schema(nullable = true, description = "The contributor's words as quoted: on one line, at most "
                    + Wording.QUOTE_LENGTH + " characters; null without contributorWords",
                    maxLength = Wording.QUOTE_LENGTH) String quote) {
    }

    @POST
    @NonBlocking
    @RolesAllowed({Roles.OWNER, Roles.MANAGER, Roles.ADMIN})
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "previewYouSaidWeDid", summary = "Word a \"you said, we did\" message",
            description = "The title and body every contributor of an action would read if it moved to status with this public note.")
    @APIResponse(responseCode = "200", description = "The message's words")
    @APIResponse(responseCode = "400", description = "Invalid request",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Worded preview(@Valid @NotNull Request request) {
        var note = request.publicNote() == null ? "" : request.publicNote().strip();
        var text = Wording.youSaidWeDid(request.status(), request.actionTitle(), note);
        var words = request.contributorWords();
        return new Worded(text.title(), note.isEmpty() ? null : text.body(),
                words == null || words.isBlank() ? null : Wording.quote(words));
    }
}
