package org.feedbackloop.notification.privacy;

import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.feedbackloop.kit.problem.Problem;
import org.feedbackloop.kit.security.Roles;

/** A customer's data in their own hands: what notification-service holds about them. */
@Path("/api/me")
@Tag(name = "My data")
@SecurityRequirement(name = "bearer")
@Produces(MediaType.APPLICATION_JSON)
public class MyDataResource {

    private final SecurityIdentity identity;
    private final MyDataExport export;

    MyDataResource(SecurityIdentity identity, MyDataExport export) {
        this.identity = identity;
        this.export = export;
    }

    @GET
    @Path("/export")
    @RolesAllowed(Roles.CUSTOMER)
    @Operation(operationId = "exportMyNotificationData", summary = "Everything notification-service holds about me",
            description = "My preferences (or the defaults), my feedback as it was announced here, every message to me "
                    + "(my inbox, and the e-mail to my verified address and to the contacts I gave), the surveys I was "
                    + "asked and whether e-mail to an address of mine is stopped; each list the newest "
                    + MyNotificationData.MAX_ITEMS + ". The gateway's GET /api/me/export puts this together with the "
                    + "other services' parts. After an erasure (DELETE /api/me/data) nothing of it is left.")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = MyNotificationData.class)))
    @APIResponse(responseCode = "403", description = "Not a customer",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<MyNotificationData> export() {
        var token = (JsonWebToken) identity.getPrincipal();
        Object verified = token.getClaim("email_verified");
        String email = token.getClaim("email");
        // an address the identity provider did not verify may be anyone's
        var isVerified = verified instanceof Boolean b ? b : verified != null && "true".equals(verified.toString());
        return export.of(token.getSubject(), isVerified ? email : null);
    }
}
