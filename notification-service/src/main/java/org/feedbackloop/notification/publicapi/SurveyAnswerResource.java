package org.feedbackloop.notification.publicapi;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.PermitAll;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.feedbackloop.kit.problem.Problem;
import org.feedbackloop.kit.signing.Signer;
import org.feedbackloop.notification.email.LinkTokens;
import org.feedbackloop.notification.surveys.SurveyRequests;
import org.feedbackloop.notification.surveys.SurveyViews;
import org.feedbackloop.notification.surveys.Surveys;

/**
 * The answer page's side of a survey, without a login: the signed token of an invitation reads its question and
 * records its one answer. The gateway's page {@code /survey?token=} calls these.
 */
@Path("/api/public/surveys/{token}")
@Tag(name = "Public", description = "Links from e-mails that work without a login")
@Produces(MediaType.APPLICATION_JSON)
public class SurveyAnswerResource {

    private final Surveys surveys;

    SurveyAnswerResource(Surveys surveys) {
        this.surveys = surveys;
    }

    @GET
    @PermitAll
    @Operation(operationId = "getSurveyInvitation", summary = "The question of an invitation's link",
            description = "What the answer page shows for the invitation the signed token names, while it is open: the "
                    + "survey's name, its questions, its scale and when the link stops working.")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = SurveyViews.Question.class)))
    @APIResponse(responseCode = "404", description = "Not a survey link of ours (cut or changed)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "Answered already with this link",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "410", description = "The link's time ran out",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<SurveyViews.Question> question(@Parameter(description = "The signed token of the invitation's link",
                                                      schema = @Schema(type = SchemaType.STRING,
                                                              maxLength = LinkTokens.MAX_LENGTH,
                                                              pattern = Signer.PATTERN))
                                              @PathParam("token") String token) {
        return surveys.question(token);
    }

    @POST
    @PermitAll
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "answerSurvey", summary = "Answer with an invitation's link: once, within its time",
            description = "Records the score and the reason for the invitation the signed token names; the answer is "
                    + "announced for feedback-service, which files it as feedback with channel SURVEY.")
    @APIResponse(responseCode = "204", description = "Recorded; it becomes feedback with channel SURVEY")
    @APIResponse(responseCode = "400", description = "A score outside the scale, or a reason over "
            + SurveyRequests.REASON_MAX_LENGTH + " characters",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "Not a survey link of ours (cut or changed)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "Answered already with this link",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "410", description = "The link's time ran out",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> answer(@Parameter(description = "The signed token of the invitation's link",
                                        schema = @Schema(type = SchemaType.STRING, maxLength = LinkTokens.MAX_LENGTH,
                                                pattern = Signer.PATTERN))
                                @PathParam("token") String token,
                                @Valid @NotNull SurveyRequests.Answer body) {
        return surveys.answer(token, body).replaceWith(Response.noContent().build());
    }
}
