package org.feedbackloop.notification.insights;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.feedbackloop.kit.http.Period;
import org.feedbackloop.kit.http.QueryParams;
import org.feedbackloop.kit.problem.Problem;
import org.feedbackloop.kit.security.Roles;

import java.time.Clock;
import java.time.temporal.ChronoUnit;

/** Whether contributors heard back, for managers: the loop closed (or not) over a period. */
@Path("/api/insights")
@Tag(name = "Insights", description = "What managers learn from a period")
@SecurityRequirement(name = "bearer")
@Produces(MediaType.APPLICATION_JSON)
public class InsightsResource {


    private final LoopReport report;
    private final Clock clock;

    InsightsResource(LoopReport report, Clock clock) {
        this.report = report;
        this.clock = clock;
    }

    @GET
    @Path("/loop")
    @RolesAllowed({Roles.MANAGER, Roles.ADMIN})
    @Operation(operationId = "getLoopInsights",
            summary = "How many contributors were acknowledged, told what was done and told it was closed, how fast",
            description = "Over the contributions received in [from, to): by default the 30 days before now, at most "
                    + "366 days; by channel, topic, team and rating segment. neverTold is the backlog now, by team.")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = LoopInsights.class)))
    @APIResponse(responseCode = "400", description = "Invalid from or to, from not before to, or a period longer "
            + "than 366 days",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Managers and admins only",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<LoopInsights> loop(
            @Parameter(description = Period.FROM + "; default 30 days before to", example = "2026-01-01",
                    schema = @Schema(type = SchemaType.STRING, pattern = Period.BOUND_PATTERN,
                            maxLength = Period.BOUND_MAX_LENGTH))
            @QueryParam("from") String from,
            @Parameter(description = Period.TO, example = "2026-02-01",
                    schema = @Schema(type = SchemaType.STRING, pattern = Period.BOUND_PATTERN,
                            maxLength = Period.BOUND_MAX_LENGTH)) @QueryParam("to") String to) {
        var now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        var params = new QueryParams();
        var period = Period.of(params, from, to, now);
        params.orRefuse();
        return report.of(period, now);
    }
}
