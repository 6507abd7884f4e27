package org.feedbackloop.action.domain;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;

/**
 * A page of the action queue. Null filters do not filter; without a status filter, merged actions are left out.
 *
 * @param overdue true: only open actions past a deadline (either clock) at {@code now}; false: only the others
 */
public record ActionQuery(
        String ownerId,
        String team,
        Set<ActionStatus> statuses,
        Boolean overdue,
        UUID feedbackId,
        ActionSort sort,
        ActionPosition after,
        int limit,
        Instant now) {
}
