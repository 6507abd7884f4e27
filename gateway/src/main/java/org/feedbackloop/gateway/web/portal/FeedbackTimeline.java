package org.feedbackloop.gateway.web.portal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * What happened to one piece of feedback, oldest first: that it was given, then every notification that concerns
 * it (thanks, tracked, "you said, we did", progress, new dates).
 */
public record FeedbackTimeline(FeedbackItem item, List<Event> events) {

    /** One moment of the story; {@code note} is what the team wrote to contributors. */
    public record Event(Instant at, String label, String title, String note, String status, boolean outcome) {
    }

    public static FeedbackTimeline of(FeedbackItem item, List<InboxEntry> inbox) {
        var events = new ArrayList<Event>();
        events.add(new Event(item.createdAt(), "You told us", "You gave this feedback", null, null, false));
        inbox.stream()
                .filter(entry -> entry.concerns(item.id()))
                .sorted(Comparator.comparing(InboxEntry::createdAt))
                .forEach(entry -> events.add(new Event(entry.createdAt(), entry.kindLabel(), entry.title(), entry.body(),
                        entry.status(), entry.youSaidWeDid())));
        return new FeedbackTimeline(item, List.copyOf(events));
    }

    /** The newest event, for a list that shows one line per item. */
    public Event latest() {
        return events.getLast();
    }

    /** Updates beyond the item itself. */
    public int updates() {
        return events.size() - 1;
    }
}
