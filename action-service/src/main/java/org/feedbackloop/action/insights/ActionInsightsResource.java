package org.feedbackloop.action.insights;

import io.quarkus.hibernate.reactive.panache.Panache;
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
import org.feedbackloop.action.insights.ActionInsights.Durations;
import org.feedbackloop.action.insights.ActionInsights.TeamInsights;
import org.feedbackloop.kit.http.Period;
import org.feedbackloop.kit.http.QueryParams;
import org.feedbackloop.kit.problem.Problem;
import org.feedbackloop.kit.security.Roles;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What managers learn from a period: how many actions were opened and closed, how late, how fast, and how much praise
 * was passed on, by team.
 */
@Path("/api/insights/actions")
@Tag(name = "Insights", description = "What managers learn from a period, by team")
@SecurityRequirement(name = "bearer")
@Produces(MediaType.APPLICATION_JSON)
public class ActionInsightsResource {


    // One pass over the actions created or closed in the period and those open now, by team and (rollup) over all.
    // Merged actions end as MERGED (never open, never closed); merged_into is checked as well, as documented.
    private static final String ACTIONS = """
            select team, grouping(team),
                   count(*) filter (where created_at >= :from and created_at < :to),
                   count(*) filter (where closed),
                   count(*) filter (where closed and closed_at > due_at),
                   count(*) filter (where open),
                   count(*) filter (where open and (due_at < :now or inform_by < :now)),
                   percentile_cont(0.5) within group (order by seconds) filter (where closed),
                   percentile_cont(0.9) within group (order by seconds) filter (where closed)
            from (select team, created_at, closed_at, due_at, inform_by,
                         status in ('DONE', 'DECLINED') and closed_at >= :from and closed_at < :to as closed,
                         status in ('OPEN', 'PLANNED', 'IN_PROGRESS') as open,
                         cast(extract(epoch from closed_at - created_at) as double precision) as seconds
                  from action
                  where merged_into is null
                    and (created_at >= :from and created_at < :to
                         or status in ('DONE', 'DECLINED') and closed_at >= :from and closed_at < :to
                         or status in ('OPEN', 'PLANNED', 'IN_PROGRESS'))) a
            group by rollup (team)""";

    // The feedback of the period (is each the first its action got?) and the feedback of the actions closed in it.
    // The first item of each action is found once per action (distinct on), not once per item: an action many
    // customers asked for has many items.
    private static final String FEEDBACK = """
            with received as (
                select a.team, f.action_id, f.feedback_id
                from feedback_item f join action a on a.id = f.action_id
                where f.received_at >= :from and f.received_at < :to and not f.silent and a.merged_into is null
            ), first_linked as (
                select distinct on (e.action_id) e.action_id, e.feedback_id
                from feedback_item e
                where e.action_id in (select action_id from received)
                order by e.action_id, e.linked_at, e.feedback_id
            ), closed as (
                select a.team, cast(extract(epoch from a.closed_at - f.received_at) as double precision) as seconds
                from action a join feedback_item f on f.action_id = a.id
                where a.status in ('DONE', 'DECLINED') and a.closed_at >= :from and a.closed_at < :to
                  and a.merged_into is null and not f.silent
            )
            select team, grouping(team),
                   count(seconds),
                   percentile_cont(0.5) within group (order by seconds),
                   percentile_cont(0.9) within group (order by seconds),
                   count(repeat),
                   count(*) filter (where repeat)
            from (select r.team, cast(null as double precision) as seconds, r.feedback_id <> l.feedback_id as repeat
                  from received r join first_linked l on l.action_id = r.action_id
                  union all
                  select team, seconds, null from closed) item
            group by rollup (team)""";

    // The praise passed to each team in the period, without imported history (as the feedback figures above).
    private static final String KUDOS = """
            select kudos_team, grouping(kudos_team), count(*)
            from feedback_item
            where kudos_at >= :from and kudos_at < :to and not silent
            group by rollup (kudos_team)""";

    private final Clock clock;

    ActionInsightsResource(Clock clock) {
        this.clock = clock;
    }

    @GET
    @RolesAllowed({Roles.MANAGER, Roles.ADMIN})
    @Operation(operationId = "getActionInsights",
            summary = "Actions opened, closed, late and overdue, how fast feedback was acted on, and praise passed "
            + "on as kudos, by team",
            description = "Over the period [from, to): by default the 30 days before now, at most 366 days. openNow "
                    + "and overdueNow are as of the request, whatever the period. Merged actions count nowhere.")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = ActionInsights.class)))
    @APIResponse(responseCode = "400", description = "Invalid from or to, from not before to, or a period longer "
            + "than 366 days", content = @Content(mediaType = Problem.MEDIA_TYPE))
    public Uni<ActionInsights> actions(
            @Parameter(description = Period.FROM + "; default 30 days before to", example = "2026-01-01",
                    schema = @Schema(type = SchemaType.STRING, pattern = Period.BOUND_PATTERN,
                            maxLength = Period.BOUND_MAX_LENGTH))
            @QueryParam("from") String from,
            @Parameter(description = Period.TO, example = "2026-02-01",
                    schema = @Schema(type = SchemaType.STRING, pattern = Period.BOUND_PATTERN,
                            maxLength = Period.BOUND_MAX_LENGTH))
            @QueryParam("to") String to) {
        var now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        var params = new QueryParams();
        var period = Period.of(params, from, to, now);
        params.orRefuse();
        return Panache.withSession(() -> Panache.getSession().flatMap(session -> session
                .createNativeQuery(ACTIONS, Object[].class)
                .setParameter("from", period.from()).setParameter("to", period.to()).setParameter("now", now)
                .getResultList()
                .flatMap(actions -> session.createNativeQuery(FEEDBACK, Object[].class)
                        .setParameter("from", period.from()).setParameter("to", period.to())
                        .getResultList()
                        .flatMap(feedback -> session.createNativeQuery(KUDOS, Object[].class)
                                .setParameter("from", period.from()).setParameter("to", period.to())
                                .getResultList()
                                .map(kudos -> insights(period, now, actions, feedback, kudos))))));
    }

    static ActionInsights insights(Period period, Instant now, List<Object[]> actionRows, List<Object[]> feedbackRows,
                                   List<Object[]> kudosRows) {
        // every team row of the queries has a non-zero figure: a team without one has no row
        var teams = new TreeMap<String, Figures>();
        var total = new Figures(null);
        actionRows.forEach(row -> figuresOf(row, teams, total).actions(row));
        feedbackRows.forEach(row -> figuresOf(row, teams, total).feedback(row));
        kudosRows.forEach(row -> figuresOf(row, teams, total).kudos(row));
        var largest = teams.values().stream().sorted(LARGEST_FIRST).limit(TeamSummary.MAX_TEAMS)
                .sorted(Comparator.comparing(figures -> figures.team)).map(Figures::view).toList();
        return new ActionInsights(period.from(), period.to(), now, largest, total.view());
    }

    private static Figures figuresOf(Object[] row, Map<String, Figures> teams, Figures total) {
        var isTotal = number(row[1]) == 1;
        return isTotal ? total : teams.computeIfAbsent((String) row[0], Figures::new);
    }

    /** The teams with the most actions first, then the most feedback, then kudos; ties by name. */
    private static final Comparator<Figures> LARGEST_FIRST = Comparator
            .comparingLong((Figures figures) -> figures.opened + figures.closed + figures.openNow).reversed()
            .thenComparing(Comparator.comparingLong((Figures figures) -> figures.feedbackItems).reversed())
            .thenComparing(Comparator.comparingLong((Figures figures) -> figures.kudosPassed).reversed())
            .thenComparing(figures -> figures.team);

    /** One team's figures (or the total's) as the two queries bring them. */
    private static final class Figures {
        private final String team;
        private long opened;
        private long closed;
        private long closedLate;
        private long openNow;
        private long overdueNow;
        private Durations timeToClose = Durations.NONE;
        private Durations feedbackToClose = Durations.NONE;
        private long feedbackItems;
        private long repeats;
        private long kudosPassed;

        Figures(String team) {
            this.team = team;
        }

        void actions(Object[] row) {
            opened = number(row[2]);
            closed = number(row[3]);
            closedLate = number(row[4]);
            openNow = number(row[5]);
            overdueNow = number(row[6]);
            timeToClose = durations(closed, row[7], row[8]);
        }

        void feedback(Object[] row) {
            feedbackToClose = durations(number(row[2]), row[3], row[4]);
            feedbackItems = number(row[5]);
            repeats = number(row[6]);
        }

        void kudos(Object[] row) {
            kudosPassed = number(row[2]);
        }

        TeamInsights view() {
            var exposed = closed + openNow;
            var overdueRate = exposed == 0 ? null : (double) (closedLate + overdueNow) / exposed;
            return new TeamInsights(team, opened, closed, closedLate, openNow, overdueNow, overdueRate, timeToClose,
                    feedbackToClose, feedbackItems, repeats, kudosPassed);
        }
    }

    private static Durations durations(long count, Object median, Object p90) {
        return count == 0 ? Durations.NONE : new Durations(count, seconds(median), seconds(p90));
    }

    private static Long seconds(Object value) {
        return value == null ? null : Math.round(((Number) value).doubleValue());
    }

    private static long number(Object value) {
        return ((Number) value).longValue();
    }
}
