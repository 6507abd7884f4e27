package org.feedbackloop.notification.wording;

import org.feedbackloop.events.ActionAssigned;
import org.feedbackloop.events.ActionDeadline;
import org.feedbackloop.events.ActionDueChanged;
import org.feedbackloop.events.ActionEscalated;
import org.feedbackloop.events.ActionFeedbackLinked;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * Every sentence the suite says to people, in one place: what a contributor reads when their feedback is heard,
 * tracked and acted on, and what staff read when work comes to them. Messages are in English, dates in UTC.
 */
public final class Wording {

    /** A title and a body, as an in-app notification, an e-mail and a preview show them. */
    public record Text(String title, String body) {
    }

    private static final int QUOTE_LENGTH = 200;
    private static final DateTimeFormatter DAY =
            DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH).withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter MOMENT =
            DateTimeFormatter.ofPattern("d MMMM yyyy, HH:mm 'UTC'", Locale.ENGLISH).withZone(ZoneOffset.UTC);

    private Wording() {
    }

    public static Text acknowledged() {
        return new Text("Thank you, we heard you", "Thank you for your feedback. We have passed it to the team that can"
                + " act on it, and we will tell you what happens next.");
    }

    public static Text tracked(ActionFeedbackLinked link) {
        var due = link.dueAt() == null ? "" : " The team aims to resolve it by " + day(link.dueAt()) + ".";
        return new Text("Your feedback is now tracked: " + link.actionTitle(), "The " + link.team() + " team is working on \""
                + link.actionTitle() + "\", which your feedback is part of." + due);
    }

    /** "You said, we did": what every contributor reads when the action moves with a public note. */
    public static Text youSaidWeDid(String status, String title, String publicNote) {
        var heading = switch (status) {
            case "DONE" -> "You said, we did: ";
            case "DECLINED" -> "About what you told us: ";
            case "PLANNED" -> "Planned: ";
            case "IN_PROGRESS" -> "We are working on it: ";
            default -> "An update on what you told us: ";
        };
        var body = switch (status) {
            case "DONE" -> "It is done. " + publicNote;
            case "DECLINED" -> "We have decided not to make this change, and we owe you the reason: " + publicNote;
            default -> publicNote;
        };
        return new Text(heading + title, body);
    }

    public static Text progress(String title, String publicNote) {
        return new Text("An update on what you told us: " + title, publicNote);
    }

    public static Text dueChanged(ActionDueChanged changed) {
        var reason = changed.reason() == null ? "" : " " + changed.reason();
        return new Text("A new date for what you told us: " + changed.title(),
                "The team now aims to resolve \"" + changed.title() + "\" by " + day(changed.dueAt()) + "." + reason);
    }

    public static Text assigned(ActionAssigned assigned) {
        return new Text("Assigned to you: " + assigned.title(),
                "The action \"" + assigned.title() + "\" of team " + assigned.team() + " is now yours.");
    }

    public static Text deadline(ActionDeadline deadline, boolean missed) {
        var clock = "FIX".equals(deadline.clock()) ? "its due date" : "the date its contributors were promised an update";
        var title = (missed ? "Overdue: " : "Due soon: ") + deadline.title();
        var body = missed
                ? "The action \"" + deadline.title() + "\" has passed " + clock + " (" + moment(deadline.deadline()) + ")."
                : "The action \"" + deadline.title() + "\" reaches " + clock + " at " + moment(deadline.deadline()) + ".";
        return new Text(title, body);
    }

    public static Text escalated(ActionEscalated escalated) {
        var why = switch (escalated.reason()) {
            case "REPEATS" -> escalated.feedbackCount() + " people said the same thing";
            case "OVERDUE_FIX" -> "it is overdue since " + escalated.deadline();
            case "OVERDUE_INFORM" -> "its contributors are waiting for an update since " + escalated.deadline();
            default -> escalated.reason();
        };
        return new Text("Needs your attention: " + escalated.title(),
                "The action \"" + escalated.title() + "\" of team " + escalated.team() + " is escalated: " + why + ".");
    }

    /** A contributor's own words as a message quotes them: on one line, at most 200 characters. */
    public static String quote(String text) {
        var flat = text.strip().replaceAll("\\s+", " ");
        return flat.length() <= QUOTE_LENGTH ? flat : flat.substring(0, QUOTE_LENGTH - 1) + "…";
    }

    /** A date as people read it ("2 December 2026"). */
    private static String day(Instant instant) {
        return DAY.format(instant);
    }

    private static String moment(Instant instant) {
        return MOMENT.format(instant);
    }
}
