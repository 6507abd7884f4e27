package org.feedbackloop.notification.surveys;

import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.feedbackloop.kit.http.QueryParams;
import org.feedbackloop.kit.problem.Problem;
import org.feedbackloop.kit.security.Roles;
import org.feedbackloop.notification.api.PageSize;

import java.util.List;

/** Surveys for staff and integrators: define one, ask people, see how many answered. */
@Path("/api/surveys")
@Tag(name = "Surveys", description = "Ask customers for a score and its reason; answers become feedback (channel SURVEY)")
@SecurityRequirement(name = "bearer")
@Produces(MediaType.APPLICATION_JSON)
public class SurveyResource {

    private final SecurityIdentity identity;
    private final Surveys surveys;

    SurveyResource(SecurityIdentity identity, Surveys surveys) {
        this.identity = identity;
        this.surveys = surveys;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.MANAGER, Roles.ADMIN})
    @Operation(operationId = "createSurvey",
            summary = "Define a survey", description = "A score on " + Survey.NPS + " (" + Survey.NPS_LOWEST + "–"
            + Survey.NPS_HIGHEST + ") or " + Survey.CSAT + " (" + Survey.CSAT_LOWEST + "–" + Survey.CSAT_HIGHEST
            + "), then \"" + SurveyViews.REASON_QUESTION + "\". Ask people with POST /api/surveys/{id}/invitations.")
    @APIResponse(responseCode = "201", description = "Defined; Location set", content = @Content(schema = @Schema(implementation = SurveyViews.SurveyView.class)),
            headers = @Header(name = HttpHeaders.LOCATION, description = "The survey's address", schema = @Schema(type = SchemaType.STRING, format = "uri-reference", maxLength = 100)))
    @APIResponse(responseCode = "400", description = "Invalid body",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Managers and admins define surveys",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> create(@Valid @NotNull SurveyRequests.NewSurvey body) {
        return surveys.create(body, identity.getPrincipal().getName()).map(view -> Response.status(Response.Status.CREATED)
                .header(HttpHeaders.LOCATION, "/api/surveys/" + view.id()).entity(view).build());
    }

    @GET
    @RolesAllowed({Roles.MANAGER, Roles.ADMIN})
    @Operation(operationId = "listSurveys", summary = "The newest surveys, with their response rates",
            description = "Up to limit surveys, the most recently defined first, each with how many people were asked "
                    + "and how many answered.")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(type = SchemaType.ARRAY,
            implementation = SurveyViews.SurveyView.class, maxItems = QueryParams.MAX_LIMIT)))
    @APIResponse(responseCode = "400", description = "Invalid limit",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<List<SurveyViews.SurveyView>> list(
            @Parameter(description = PageSize.DESCRIPTION, schema = @Schema(type = SchemaType.INTEGER, format = "int32",
                    minimum = PageSize.MIN, maximum = PageSize.MAX, defaultValue = PageSize.DEFAULT))
            @QueryParam("limit") String limit) {
        return surveys.newest(QueryParams.limitOf(limit));
    }

    @GET
    @Path("{id}")
    @RolesAllowed({Roles.MANAGER, Roles.ADMIN})
    @Operation(operationId = "getSurvey", summary = "A survey, with its response rate",
            description = "Its definition, how many people it asked, how many answered and the share that did.")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = SurveyViews.SurveyView.class)))
    @APIResponse(responseCode = "400", description = "The id is not a UUID",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such survey",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<SurveyViews.SurveyView> get(@Parameter(schema = @Schema(type = SchemaType.STRING, format = "uuid"))
                                           @PathParam("id") String id) {
        return surveys.find(QueryParams.uuid("id", id));
    }

    @POST
    @Path("{id}/invitations")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.MANAGER, Roles.ADMIN, Roles.INTEGRATOR})
    @Operation(operationId = "inviteToSurvey", summary = "Ask people the survey",
            description = "Each new recipient gets an e-mail with a signed link to the answer page (no sign-in), valid "
                    + "for the survey's days and good for one answer; a customer named also finds it in their inbox. "
                    + "An address the survey asked before is not asked again. Integrators call this after an "
                    + "interaction (a delivery, a support call) to ask about it.")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = SurveyViews.InvitationsResult.class)))
    @APIResponse(responseCode = "400", description = "Invalid body",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such survey",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<SurveyViews.InvitationsResult> invite(@Parameter(schema = @Schema(type = SchemaType.STRING, format = "uuid"))
                                                     @PathParam("id") String id,
                                                     @Valid @NotNull SurveyRequests.Invitations body) {
        return surveys.invite(QueryParams.uuid("id", id), body.recipients());
    }
}
