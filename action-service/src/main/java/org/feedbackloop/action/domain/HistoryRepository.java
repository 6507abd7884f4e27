package org.feedbackloop.action.domain;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class HistoryRepository implements PanacheRepositoryBase<HistoryEntry, Long> {

    /** How many of an action's history entries its detail view shows: the newest. */
    public static final int NEWEST = 100;

    /** The newest {@value #NEWEST} entries of an action's history, oldest first. */
    public Uni<List<HistoryEntry>> newestOf(UUID actionId) {
        return find("actionId = ?1 order by id desc", actionId).page(0, NEWEST).list().map(List::reversed);
    }

    /** A merge moves the duplicate's history to the action it was merged into. */
    public Uni<Integer> move(UUID from, UUID to) {
        return update("actionId = ?1 where actionId = ?2", to, from);
    }
}
