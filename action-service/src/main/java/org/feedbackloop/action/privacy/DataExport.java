package org.feedbackloop.action.privacy;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.feedbackloop.action.domain.ActionStatus;
import org.feedbackloop.action.domain.Titles;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

/**
 * A customer's export: whatever names them here, found by their id in the query itself: their feedback (tracked by an
 * action, or passed to a team as kudos) and their "me too" votes. Feedback that only carries one of their addresses is
 * someone else's (a colleague who passed it on) and is not theirs to read.
 */
@ApplicationScoped
public class DataExport {

    private static final String FEEDBACK = """
            select f.feedbackId, f.actionId, a.publicTitle, a.topic, a.status, f.receivedAt, f.linkedAt, f.text,
                   f.contactEmail, f.kudosTeam, f.kudosAt
            from FeedbackItem f left join Action a on a.id = f.actionId
            where f.contributorId = :subject
            order by f.receivedAt desc, f.feedbackId desc""";
    private static final String VOTES = """
            select cast(m.action_id as text), a.public_title, a.topic, a.status, m.created_at
            from me_too m join action a on a.id = m.action_id
            where m.contributor_id = :subject
            order by m.created_at desc, m.action_id desc limit :limit""";

    @WithSession
    public Uni<MyActionData> of(String subject) {
        return Panache.getSession().flatMap(session -> session.createQuery(FEEDBACK, Object[].class)
                .setParameter("subject", subject)
                .setMaxResults(MyActionData.MAX_ITEMS + 1)
                .getResultList()
                .flatMap(feedback -> session.createNativeQuery(VOTES, Object[].class)
                        .setParameter("subject", subject)
                        .setParameter("limit", MyActionData.MAX_ITEMS + 1)
                        .getResultList()
                        .map(votes -> {
                            var truncated = feedback.size() > MyActionData.MAX_ITEMS || votes.size() > MyActionData.MAX_ITEMS;
                            return new MyActionData(subject,
                                    feedback.stream().limit(MyActionData.MAX_ITEMS).map(DataExport::feedback).toList(),
                                    votes.stream().limit(MyActionData.MAX_ITEMS).map(DataExport::vote).toList(),
                                    truncated, Instant.now().truncatedTo(ChronoUnit.MILLIS));
                        })));
    }

    private static MyActionData.MyFeedback feedback(Object[] row) {
        var status = (ActionStatus) row[4];
        return new MyActionData.MyFeedback((UUID) row[0], (UUID) row[1],
                status == null ? null : titleForCustomers((String) row[2], (String) row[3]), status,
                (Instant) row[5], (Instant) row[6], (String) row[7], (String) row[8], (String) row[9], (Instant) row[10]);
    }

    private static MyActionData.MyVote vote(Object[] row) {
        return new MyActionData.MyVote(UUID.fromString((String) row[0]), titleForCustomers((String) row[1], (String) row[2]),
                ActionStatus.valueOf((String) row[3]), instant(row[4]));
    }

    /** As {@code Action.titleForCustomers}: staff's public title, else the neutral one (never a contributor's words). */
    private static String titleForCustomers(String publicTitle, String topic) {
        return publicTitle != null ? publicTitle : Titles.neutral(topic);
    }

    private static Instant instant(Object value) {
        return value instanceof OffsetDateTime offset ? offset.toInstant() : (Instant) value;
    }
}
