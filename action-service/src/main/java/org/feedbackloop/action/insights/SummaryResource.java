package org.feedbackloop.action.insights;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.feedbackloop.kit.security.Roles;

import java.time.Clock;
import java.time.temporal.ChronoUnit;

/** What managers watch: open, overdue and escalated actions by team. */
@Path("/api/actions/summary")
@Tag(name = "Actions")
@SecurityRequirement(name = "bearer")
@Produces(MediaType.APPLICATION_JSON)
public class SummaryResource {

    // one pass over the open actions (the partial index on open actions serves it); the teams with the most of them
    private static final String COUNTS = """
            select * from (
                select team,
                       count(*) as open,
                       count(*) filter (where due_at < :now or inform_by < :now),
                       count(*) filter (where repeats_escalated_at is not null or fix_escalated_for is not null
                                           or inform_escalated_for is not null)
                from action where status in ('OPEN', 'PLANNED', 'IN_PROGRESS')
                group by team order by open desc, team limit :teams) largest
            order by team""";

    private final Clock clock;

    SummaryResource(Clock clock) {
        this.clock = clock;
    }

    @GET
    @RolesAllowed({Roles.MANAGER, Roles.ADMIN})
    @Operation(operationId = "summariseActions",
            summary = "Open, overdue and escalated actions by team", description = "Teams without open actions are left "
            + "out; of more than " + TeamSummary.MAX_TEAMS + " teams, those with the most open actions are listed.")
    public Uni<TeamSummary> summary() {
        var now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        return Panache.withSession(() -> Panache.getSession().flatMap(session -> session
                .createNativeQuery(COUNTS, Object[].class).setParameter("now", now)
                .setParameter("teams", TeamSummary.MAX_TEAMS).getResultList()))
                .map(rows -> new TeamSummary(rows.stream().map(SummaryResource::team).toList(), now));
    }

    private static TeamSummary.Team team(Object[] row) {
        return new TeamSummary.Team((String) row[0], count(row[1]), count(row[2]), count(row[3]));
    }

    private static long count(Object value) {
        return ((Number) value).longValue();
    }
}
