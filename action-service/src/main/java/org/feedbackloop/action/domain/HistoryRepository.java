package org.feedbackloop.action.domain;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class HistoryRepository implements PanacheRepositoryBase<HistoryEntry, Long> {

    public Uni<List<HistoryEntry>> ofAction(UUID actionId) {
        return find("actionId = ?1 order by id", actionId).list();
    }

    /** A merge moves the duplicate's history to the action it was merged into. */
    public Uni<Integer> move(UUID from, UUID to) {
        return update("actionId = ?1 where actionId = ?2", to, from);
    }
}
