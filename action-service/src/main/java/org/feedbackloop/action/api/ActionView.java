package org.feedbackloop.action.api;

import org.feedbackloop.kit.openapi.Counts;
import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.feedbackloop.action.domain.Action;
import org.feedbackloop.action.domain.ActionStatus;
import org.feedbackloop.action.domain.HistoryEntry;
import org.feedbackloop.action.domain.HistoryRepository;
import org.feedbackloop.action.domain.Names;
import org.feedbackloop.action.domain.Priority;
import org.feedbackloop.action.domain.Titles;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** An action as the API shows it; {@code history} only in the detail view. */
@Schema(name = "Action")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ActionView(
        UUID id,
        @Schema(examples = "I was charged twice for my March invoice", maxLength = Titles.LONGEST) String title,
        @Schema(description = "What contributors and the public board read as its name", examples = "Billing feedback",
                maxLength = Titles.LONGEST)
        String titleForCustomers,
        @Schema(examples = "billing", pattern = Names.PATTERN, maxLength = Names.MAX_LENGTH) String topic,
        @Schema(examples = "billing", pattern = Names.PATTERN, maxLength = Names.MAX_LENGTH) String team,
        Owner owner,
        ActionStatus status,
        Priority priority,
        @Schema(description = "The fix clock") Instant dueAt,
        @Schema(description = "The inform clock: every contributor should have heard something substantive by then; absent when nobody waits")
        Instant informBy,
        @Schema(description = "Past either clock while open") boolean overdue,
        @Schema(description = "The latest note contributors read", maxLength = ActionRequests.LONGEST_NOTE)
        String publicNote,
        Instant lastPublicUpdateAt,
        @Schema(description = "For a MERGED action: the action its feedback moved to") UUID mergedInto,
        @Schema(minimum = Counts.MIN, maximum = Counts.INT_MAX) int feedbackCount,
        @Schema(minimum = Counts.MIN, maximum = Counts.INT_MAX) int contributorCount,
        Instant createdAt,
        Instant updatedAt,
        Instant closedAt,
        @Schema(description = "Also the ETag; send it back in If-Match to change the action",
                minimum = Counts.MIN, maximum = Counts.INT_MAX) int version,
        @Schema(description = "Only in the detail view: the newest " + HistoryRepository.NEWEST + " changes of the "
                + "action, oldest first", maxItems = HistoryRepository.NEWEST)
        List<HistoryView> history) {

    @Schema(name = "Owner")
    public record Owner(@Schema(maxLength = ActionRequests.LONGEST_OWNER_ID) String id,
                        @Schema(maxLength = ActionRequests.LONGEST_OWNER_NAME) String name) {
    }

    @Schema(name = "HistoryEntry")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record HistoryView(Instant at, Owner actor, HistoryEntry.Kind kind,
                              @Schema(maxLength = HistoryEntry.LONGEST_VALUE) String from,
                              @Schema(maxLength = HistoryEntry.LONGEST_VALUE) String to,
                              @Schema(maxLength = ActionRequests.LONGEST_NOTE) String note,
                              @Schema(maxLength = ActionRequests.LONGEST_NOTE) String publicNote) {

        static HistoryView of(HistoryEntry entry) {
            return new HistoryView(entry.at, new Owner(entry.actorId, entry.actorName), entry.kind, entry.fromValue,
                    entry.toValue, entry.note, entry.publicNote);
        }
    }

    static ActionView of(Action a, Instant now) {
        return of(a, now, null);
    }

    static ActionView of(Action a, Instant now, List<HistoryEntry> history) {
        return new ActionView(a.id, a.title, a.titleForCustomers(), a.topic, a.team, a.ownerId == null ? null : new Owner(a.ownerId, a.ownerName),
                a.status, a.priority, a.dueAt, a.informBy, a.isOverdue(now), a.publicNote, a.lastPublicUpdateAt,
                a.mergedInto, a.feedbackCount, a.contributorCount, a.createdAt, a.updatedAt, a.closedAt, a.version,
                history == null ? null : history.stream().map(HistoryView::of).toList());
    }
}
