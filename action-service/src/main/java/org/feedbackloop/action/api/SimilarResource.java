package org.feedbackloop.action.api;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.feedbackloop.action.similarity.Neighbours;
import org.feedbackloop.kit.http.QueryParams;
import org.feedbackloop.kit.problem.Problem;
import org.feedbackloop.kit.security.Roles;

import java.util.UUID;


/**
 * Understanding for staff: what is near a piece of feedback in meaning (served here, where feedback is grouped
 * into actions). Open actions about the same problem are where it may belong; feedback that reads alike, what it
 * may be linked with. The same for an action is {@code GET /api/actions/{id}/similar}.
 */
@Tag(name = "Understanding", description = "Actions and feedback near in meaning, to merge and to link")
@SecurityRequirement(name = "bearer")
@Produces(MediaType.APPLICATION_JSON)
@Path("/api/feedback/{id}/similar")
public class SimilarResource {

    /** The most actions, and the most pieces of feedback, one answer lists. */
    static final int MAX_LIMIT = 20;
    static final String LIMIT = "How many actions and how many pieces of feedback, at most (1–" + MAX_LIMIT + ")";

    private final Neighbours neighbours;

    SimilarResource(Neighbours neighbours) {
        this.neighbours = neighbours;
    }

    @GET
        @RolesAllowed({Roles.OWNER, Roles.MANAGER, Roles.ADMIN, Roles.INTEGRATOR})
    @Operation(operationId = "listSimilarToFeedback", summary = "Actions and feedback like this piece of feedback",
            description = "The open actions it is nearest to (its own among them) and other feedback that reads like it.")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = SimilarView.class)))
    @APIResponse(responseCode = "404", description = "Triage has no such feedback (yet)", content = @Content(mediaType = Problem.MEDIA_TYPE))
    public Uni<SimilarView> ofFeedback(@Parameter(schema = @Schema(implementation = UUID.class)) @PathParam("id") String id,
                                       @Parameter(description = LIMIT) @QueryParam("limit") @DefaultValue("5")
                                       @Min(1) @Max(MAX_LIMIT) int limit) {
        return neighbours.ofFeedback(QueryParams.uuid("id", id), limit).map(SimilarView::of);
    }
}
