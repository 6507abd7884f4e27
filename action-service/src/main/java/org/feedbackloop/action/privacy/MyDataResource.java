package org.feedbackloop.action.privacy;

import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.feedbackloop.action.security.Caller;
import org.feedbackloop.kit.problem.Problem;
import org.feedbackloop.kit.security.Roles;

/** A customer's data in their own hands: what action-service holds about them. Erasure comes as feedback.erased. */
@Path("/api/me")
@Tag(name = "My data")
@SecurityRequirement(name = "bearer")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.CUSTOMER)
public class MyDataResource {

    private final SecurityIdentity identity;
    private final DataExport export;

    MyDataResource(SecurityIdentity identity, DataExport export) {
        this.identity = identity;
        this.export = export;
    }

    @GET
    @Path("/export")
    @Operation(operationId = "exportMyActionData", summary = "What action-service holds about me",
            description = "My feedback as the actions track it (the action, its name as customers read it, its status, "
                    + "when my feedback joined it, my words as held here) and my \"me too\" votes; the newest "
                    + MyActionData.MAX_ITEMS + " of each, with truncated when there were more. The gateway's "
                    + "GET /api/me/export puts this together with the other services' parts. After an erasure "
                    + "(DELETE /api/me/data) nothing here names me any more.")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = MyActionData.class)))
    @APIResponse(responseCode = "403", description = "Not a customer: only customers have data of their own here",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    public Uni<MyActionData> export() {
        return export.of(Caller.of(identity).subject());
    }
}
