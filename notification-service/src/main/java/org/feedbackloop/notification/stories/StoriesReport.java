package org.feedbackloop.notification.stories;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.feedbackloop.notification.stories.WeekStories.Completed;
import org.feedbackloop.notification.stories.WeekStories.MeTooed;
import org.feedbackloop.notification.stories.WeekStories.Story;
import org.feedbackloop.notification.wording.Wording;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Reads {@link WeekStories} from this service's projections: the contributions (words, sentiment, "me too", kudos) and
 * the tracked actions (team, status, public note). A contribution's team is its action's team, or the team it was
 * passed to as kudos; one with neither is in the managers' digests only.
 * <p>
 * Quoted are only words contributors wrote this week: not imported history (silent), not answers to "did this solve
 * it?" (they continue a loop), not "me too" clicks (their words are generated), not erased words; and only items whose
 * sentiment is known. The most negative is below zero, the most positive above.
 */
@ApplicationScoped
public class StoriesReport {

    public static final int COMPLETED_LISTED = 20;
    public static final int KUDOS_QUOTED = 3;

    private static final String TEAM = "coalesce(a.team, c.kudos_team)";
    private static final String QUOTABLE = """
            not c.silent and c.follow_up_of_action is null and c.joins_action is null and c.erased_at is null
            and c.sentiment is not null""";
    private static final String STORY = """
            select c.feedback_id, c.text, c.topic, c.channel, %s, c.sentiment
            from contribution c left join tracked_action a on a.action_id = c.action_id""".formatted(TEAM);

    private static final String MOST_NEGATIVE = STORY + """
             where c.received_at >= :from and c.received_at < :to and %s and c.sentiment < 0 %%s
            order by c.sentiment, c.received_at, c.feedback_id limit 1""".formatted(QUOTABLE);
    private static final String MOST_POSITIVE = STORY + """
             where c.received_at >= :from and c.received_at < :to and %s and c.sentiment > 0 %%s
            order by c.sentiment desc, c.received_at, c.feedback_id limit 1""".formatted(QUOTABLE);
    private static final String MOST_ME_TOOED = """
            select a.action_id, a.title, a.team, count(*)
            from contribution c join tracked_action a on a.action_id = c.joins_action
            where c.joins_action is not null and c.received_at >= :from and c.received_at < :to %s
            group by a.action_id, a.title, a.team
            order by count(*) desc, min(c.received_at), a.action_id limit 1""";
    /** The words an action began with: its first quotable item, whenever it came. */
    private static final String FIRST_WORDS = STORY + """
             where c.action_id = :action and %s
            order by c.received_at, c.feedback_id limit 1""".formatted(QUOTABLE);
    private static final String COMPLETED = """
            select a.action_id, a.title, a.team, a.public_note, count(*) over ()
            from tracked_action a
            where a.status = 'DONE' and a.completed_at >= :from and a.completed_at < :to %s
            order by a.completed_at, a.action_id limit %d""";
    private static final String KUDOS_COUNT = """
            select count(*) from contribution c
            where c.kudos_at >= :from and c.kudos_at < :to and not c.silent %s""";
    /** One more than are quoted: the week's warmest words may be among them, and they are quoted once. */
    private static final String KUDOS = STORY + """
             where c.kudos_at >= :from and c.kudos_at < :to and %s %%s
            order by c.sentiment desc, c.kudos_at, c.feedback_id limit %d""".formatted(QUOTABLE, KUDOS_QUOTED + 1);

    /** The stories of {@code week} for {@code teams} (null: every team). Runs in the caller's session. */
    public Uni<WeekStories> of(Week week, List<String> teams) {
        var parameters = new LinkedHashMap<String, Object>(Map.of("from", week.start(), "to", week.end()));
        if (teams != null) {
            if (teams.isEmpty()) {
                return Uni.createFrom().item(new WeekStories(week, teams, null, null, null, List.of(), 0, 0, List.of()));
            }
            parameters.put("teams", teams);
        }
        var byTeam = teams == null ? "" : "and " + TEAM + " in (:teams)";
        var byActionTeam = teams == null ? "" : "and a.team in (:teams)";
        var byKudosTeam = teams == null ? "" : "and c.kudos_team in (:teams)";
        var found = new Found();
        return story(MOST_NEGATIVE.formatted(byTeam), parameters).invoke(story -> found.mostNegative = story)
                .chain(() -> story(MOST_POSITIVE.formatted(byTeam), parameters)).invoke(story -> found.mostPositive = story)
                .chain(() -> mostMeTooed(MOST_ME_TOOED.formatted(byActionTeam), parameters))
                .invoke(action -> found.mostMeTooed = action)
                .chain(() -> rows(COMPLETED.formatted(byActionTeam, COMPLETED_LISTED), parameters))
                .invoke(completed -> found.completed = completed)
                .chain(() -> rows(KUDOS_COUNT.formatted(byKudosTeam), parameters))
                .invoke(count -> found.kudosPassed = number(count.getFirst()[0]))
                .chain(() -> rows(KUDOS.formatted(byKudosTeam), parameters))
                .map(kudos -> found.stories(week, teams, kudos));
    }

    /** What the queries found, put together at the end. */
    private static final class Found {
        Story mostNegative;
        Story mostPositive;
        MeTooed mostMeTooed;
        List<Object[]> completed;
        long kudosPassed;

        WeekStories stories(Week week, List<String> teams, List<Object[]> kudos) {
            return new WeekStories(week, teams, mostNegative, mostPositive, mostMeTooed,
                    completed.stream().map(row -> new Completed((UUID) row[0], (String) row[1], (String) row[2],
                            (String) row[3])).toList(),
                    completed.isEmpty() ? 0 : number(completed.getFirst()[4]),
                    kudosPassed,
                    kudos.stream().map(StoriesReport::story)
                            .filter(story -> mostPositive == null || !story.feedbackId().equals(mostPositive.feedbackId()))
                            .limit(KUDOS_QUOTED).toList());
        }
    }

    private Uni<MeTooed> mostMeTooed(String sql, Map<String, Object> parameters) {
        return rows(sql, parameters).flatMap(found -> {
            if (found.isEmpty()) {
                return Uni.createFrom().nullItem();
            }
            var row = found.getFirst();
            var action = (UUID) row[0];
            return story(FIRST_WORDS, Map.of("action", action)).map(first -> new MeTooed(action, (String) row[1],
                    (String) row[2], number(row[3]), first));
        });
    }

    private Uni<Story> story(String sql, Map<String, Object> parameters) {
        return rows(sql, parameters).map(found -> found.isEmpty() ? null : story(found.getFirst()));
    }

    private static Story story(Object[] row) {
        return new Story((UUID) row[0], Wording.quote((String) row[1]), (String) row[2], (String) row[3],
                (String) row[4], row[5] == null ? null : ((Number) row[5]).doubleValue());
    }

    /** Rows of a native query, given those of the parameters it names; a row of one column is a one-element array. */
    private static Uni<List<Object[]>> rows(String sql, Map<String, Object> parameters) {
        return Panache.getSession().flatMap(session -> {
            var query = session.createNativeQuery(sql, Object.class);
            parameters.forEach((name, value) -> {
                if (sql.contains(":" + name)) {
                    query.setParameter(name, value);
                }
            });
            return query.getResultList();
        }).map(found -> found.stream().map(row -> row instanceof Object[] columns ? columns : new Object[]{row}).toList());
    }

    private static long number(Object value) {
        return ((Number) value).longValue();
    }
}
