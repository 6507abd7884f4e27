package org.feedbackloop.action.kudos;

import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.BeanParam;
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
import org.feedbackloop.kit.http.QueryParams;
import org.feedbackloop.kit.problem.Problem;
import org.feedbackloop.kit.security.Roles;
import org.feedbackloop.kit.signing.CursorCodec;

import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.List;

/** Praise that reached the teams as kudos, in the customers' own words. */
@Path("/api/kudos")
@Tag(name = "Kudos", description = "Praise passed to the teams instead of becoming actions")
@SecurityRequirement(name = "bearer")
@Produces(MediaType.APPLICATION_JSON)
public class KudosResource {

    private final SecurityIdentity identity;
    private final Kudos kudos;
    private final CursorCodec cursors;
    private final Clock clock;

    KudosResource(SecurityIdentity identity, Kudos kudos, CursorCodec cursors, Clock clock) {
        this.identity = identity;
        this.kudos = kudos;
        this.cursors = cursors;
        this.clock = clock;
    }

    /** One page of kudos with its cursor. */
    @Schema(name = "KudosPage")
    public record KudosPage(@Schema(maxItems = QueryParams.MAX_LIMIT) List<KudosView> items,
                            @Schema(description = "Pass as cursor for the next page; null on the last", nullable = true,
                                    maxLength = CursorCodec.MAX_LENGTH, pattern = CursorCodec.PATTERN)
                            String nextCursor) {
    }

    @GET
    @RolesAllowed({Roles.OWNER, Roles.MANAGER, Roles.ADMIN})
    @Operation(operationId = "listKudos", summary = "Kudos passed to the teams",
            description = "Praise (strongly positive words, or a promoter's or satisfied customer's positive words, "
                    + "and nothing negative) that triage passed to the team of its topic instead of opening an action, "
                    + "newest first by the time it was passed, over the period [from, to): by default the 30 days "
                    + "before now, at most 366 days. Owners read their own teams' kudos; managers and admins every "
                    + "team's. Follow nextCursor for more.")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = KudosPage.class)))
    @APIResponse(responseCode = "400", description = "Invalid team, from, to, limit or cursor; from not before to, or "
            + "a period longer than 366 days", content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "403", description = "Not owner, manager or admin; or an owner asked for a team not theirs",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    public Uni<KudosPage> list(@BeanParam ListKudosParams params) {
        var query = params.toQuery(Caller.of(identity), cursors, clock.instant().truncatedTo(ChronoUnit.MICROS));
        return kudos.page(query).map(found -> {
            var more = found.size() > query.limit();
            var page = more ? found.subList(0, query.limit()) : found;
            var next = more ? cursors.encode(KudosQuery.ORDER, page.getLast().passedAt(), page.getLast().feedbackId()) : null;
            return new KudosPage(List.copyOf(page), next);
        });
    }
}
