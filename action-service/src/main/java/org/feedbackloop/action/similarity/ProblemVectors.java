package org.feedbackloop.action.similarity;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.UUID;

/**
 * Each action's sum of its feedback's problem vectors in the database, kept right wherever feedback joins or
 * leaves an action (triage, a link by hand, a merge), in the caller's transaction: the sum changes in SQL, so
 * that concurrent changes of one action add up under its row lock.
 */
@ApplicationScoped
public class ProblemVectors {

    /** The item's vector now counts towards the action's (no-op for an item without a vector). */
    public Uni<Void> add(UUID feedbackId, UUID actionId) {
        return shift(feedbackId, actionId, 1);
    }

    /** The item's vector no longer counts towards the action's. */
    public Uni<Void> withdraw(UUID feedbackId, UUID actionId) {
        return shift(feedbackId, actionId, -1);
    }

    /** An action's mean problem vector, or null when none of its feedback has one. */
    public Uni<float[]> meanOf(UUID actionId) {
        return Panache.getSession().flatMap(session -> session.createNativeQuery(
                        "select cast(problem_sum as text), problem_count from action where id = :id and problem_count > 0",
                        Object[].class)
                .setParameter("id", actionId)
                .getResultList()
                .map(rows -> rows.isEmpty() ? null
                        : Grouping.mean(parse((String) rows.getFirst()[0]), ((Number) rows.getFirst()[1]).intValue())));
    }

    private Uni<Void> shift(UUID feedbackId, UUID actionId, int sign) {
        return Panache.getSession().flatMap(session -> session.createNativeQuery("""
                        update action a set
                            problem_sum = case
                                when a.problem_count + :sign <= 0 then null
                                when a.problem_sum is null then f.problem
                                else (select array_agg(cast(s.x + :sign * s.y as real) order by s.o)
                                      from unnest(a.problem_sum, f.problem) with ordinality as s(x, y, o)) end,
                            problem_count = greatest(a.problem_count + :sign, 0)
                        from feedback_item f
                        where a.id = :action and f.feedback_id = :feedback and f.problem is not null""")
                .setParameter("sign", sign)
                .setParameter("action", actionId)
                .setParameter("feedback", feedbackId)
                .executeUpdate())
                .replaceWithVoid();
    }

    static float[] parse(String literal) {
        var inner = literal.substring(1, literal.length() - 1);
        var parts = inner.split(",");
        var vector = new float[parts.length];
        for (int i = 0; i < parts.length; i++) {
            vector[i] = Float.parseFloat(parts[i]);
        }
        return vector;
    }
}
