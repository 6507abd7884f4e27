package org.feedbackloop.notification.wording;

import org.feedbackloop.events.ActionAssigned;
import org.feedbackloop.events.ActionDeadline;
import org.feedbackloop.events.ActionDueChanged;
import org.feedbackloop.events.ActionEscalated;
import org.feedbackloop.events.ActionFeedbackLinked;
import org.feedbackloop.events.KudosPassed;
import org.feedbackloop.events.Lengths;
import org.feedbackloop.events.SilenceDetected;
import org.feedbackloop.notification.stories.StoriesReport;
import org.feedbackloop.notification.stories.Week;
import org.feedbackloop.notification.stories.WeekStories;

import java.math.BigDecimal;
import java.math.MathContext;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Every sentence the suite says to people, in one place: what a contributor reads when their feedback is heard,
 * tracked and acted on, and what staff read when work comes to them. Messages are in English, dates in UTC.
 */
public final class Wording {

    /** A title and a body, as an in-app notification, an e-mail and a preview show them. */
    public record Text(String title, String body) {
    }

    static final int QUOTE_LENGTH = 200;
    /** The longest list of teams a digest names; more are counted instead. */
    static final int SCOPE_MAX_LENGTH = 500;
    /** The longest heading before an action's title or a survey's name ("A new date for what you told us: "). */
    public static final int HEADING_MAX_LENGTH = 40;
    /** The longest words before a public note in a body ("We have decided not to make this change, ..."). */
    public static final int NOTE_LEAD_MAX_LENGTH = 80;
    /**
     * The longest title: a heading before an action's title or a survey's name (the other titles name a team, a
     * topic, a channel or a week).
     */
    public static final int TITLE_MAX_LENGTH = HEADING_MAX_LENGTH
            + (Lengths.ACTION_TITLE > Lengths.SURVEY_NAME ? Lengths.ACTION_TITLE : Lengths.SURVEY_NAME);
    /** A quoted story in a digest: the quote, its marks, its team and channel. */
    private static final int STORY_MAX_LENGTH = QUOTE_LENGTH + Lengths.NAME + Lengths.CODE + 10;
    /**
     * The longest body, the weekly stories digest's: six sentences whose own words take under 100 characters each,
     * the teams it covers, three stories, the most "me too" action, {@value StoriesReport#COMPLETED_LISTED} actions done
     * with their public notes and {@value StoriesReport#KUDOS_QUOTED} kudos quoted. Every other body holds at most a
     * public note or a survey's question with an action's title, a team and a date.
     */
    public static final int BODY_MAX_LENGTH = 6 * 100 + SCOPE_MAX_LENGTH + 3 * STORY_MAX_LENGTH
            + Lengths.ACTION_TITLE + Lengths.NAME
            + StoriesReport.COMPLETED_LISTED * (Lengths.ACTION_TITLE + Lengths.NAME + Lengths.NOTE + 10)
            + StoriesReport.KUDOS_QUOTED * (STORY_MAX_LENGTH + 2);
    private static final DateTimeFormatter DAY =
            DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH).withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter DAY_MONTH =
            DateTimeFormatter.ofPattern("d MMMM", Locale.ENGLISH).withZone(ZoneOffset.UTC);
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

    /**
     * What managers read when a topic or a channel went quiet: how quiet, against what, how unlikely by chance, and
     * what to look at. The baseline is the 8 weeks before the window, as {@link SilenceDetected} defines it.
     */
    public static Text silenceDetected(SilenceDetected silence) {
        var title = switch (silence.dimension()) {
            case "TOPIC" -> "Gone quiet: " + silence.segment() + " feedback";
            case "CHANNEL" -> "Gone quiet: feedback by " + silence.segment();
            default -> "Gone quiet: " + silence.segment();
        };
        var days = Duration.between(silence.windowStart(), silence.windowEnd()).toDays();
        var expected = Math.max(1, Math.round(silence.expected()));
        var check = "CHANNEL".equals(silence.dimension()) ? "check the channel works" : "check the channels work";
        return new Text(title, "Only " + silence.observed() + (silence.observed() == 1 ? " item" : " items")
                + " in the " + days + " days before " + day(silence.windowEnd()) + ", where about " + expected
                + (expected == 1 ? " was" : " were") + " expected from the 8 weeks before (so few would happen by chance"
                + " with probability " + probability(silence.pValue()) + "). Silence is a signal: " + check
                + " and whether customers have given up on telling us.");
    }

    /** To the contributor whose praise triage passed to a team instead of opening an action. */
    public static Text kudosPassed(String team) {
        return new Text("Your kind words reached the " + team + " team", "Thank you! We passed what you told us to the "
                + team + " team as kudos: it is theirs to read, and it tells them what to keep doing.");
    }

    /** To the team's owner, or the team: a customer's praise (their words are in the details). */
    public static Text kudos(KudosPassed kudos) {
        return new Text("Kudos for the " + kudos.team() + " team", "A customer had kind words about " + kudos.topic()
                + " (by " + kudos.channel() + "), passed to your team as kudos. Share them with the people they are about.");
    }

    /** The weekly stories digest: the title, and a body that tells the week in a few sentences with the quotes. */
    public static Text stories(WeekStories stories) {
        var sentences = new ArrayList<String>();
        sentences.add("The week of " + week(stories.week()) + " in the customers' own words, "
                + storiesScope(stories.teams()) + ".");
        if (stories.mostNegative() != null) {
            sentences.add("Hardest to hear: " + quoted(stories.mostNegative()) + ".");
        }
        if (stories.mostPositive() != null) {
            sentences.add("Warmest: " + quoted(stories.mostPositive()) + ".");
        }
        if (stories.mostMeTooed() != null) {
            var meToo = stories.mostMeTooed();
            sentences.add("Most \"me too\": " + meToo.title() + " (" + meToo.team() + "), " + meToo.meToos()
                    + (meToo.meToos() == 1 ? " customer" : " customers") + " this week"
                    + (meToo.story() == null ? "" : "; it began with " + quoted(meToo.story())) + ".");
        }
        if (!stories.completed().isEmpty()) {
            var done = stories.completed().stream().map(action -> action.title() + " (" + action.team() + ")"
                    + (action.publicNote() == null ? "" : ": " + action.publicNote())).toList();
            var more = stories.completedCount() - done.size();
            sentences.add("Done: " + String.join("; ", done) + (more > 0 ? "; and " + more + " more" : "") + ".");
        }
        if (stories.kudosPassed() > 0) {
            var quotes = stories.kudos().stream().map(Wording::quoted).toList();
            sentences.add("Kudos: " + stories.kudosPassed() + " passed to the " + (stories.kudosPassed() == 1 ? "team"
                    : "teams") + (quotes.isEmpty() ? "" : ", among them " + String.join(", ", quotes)) + ".");
        }
        return new Text("Your week's stories: " + week(stories.week()), String.join(" ", sentences));
    }

    /** Whose stories a digest tells: every team's, or the named teams' (counted when too many to name). */
    public static String storiesScope(List<String> teams) {
        if (teams == null) {
            return "across all teams";
        }
        var named = "for " + String.join(", ", teams);
        return named.length() <= SCOPE_MAX_LENGTH ? named : "for your " + teams.size() + " teams";
    }

    /** A week as people read it: "5–11 January 2027", "29 December 2026 – 4 January 2027". */
    public static String week(Week week) {
        var first = week.firstDay();
        var last = week.lastDay();
        if (first.getYear() != last.getYear()) {
            return DAY.format(week.start()) + " – " + DAY.format(week.end().minus(Duration.ofDays(1)));
        }
        if (first.getMonth() != last.getMonth()) {
            return DAY_MONTH.format(week.start()) + " – " + DAY.format(week.end().minus(Duration.ofDays(1)));
        }
        return first.getDayOfMonth() + "–" + DAY.format(week.end().minus(Duration.ofDays(1)));
    }

    /**
     * A story's words in a digest, between typographic quotation marks, then where they came from. An erasure finds a
     * quote by exactly this form ({@link #QUOTE_OPEN}, the quote, {@link #QUOTE_CLOSE}).
     */
    private static String quoted(WeekStories.Story story) {
        var origin = new ArrayList<String>();
        if (story.team() != null) {
            origin.add(story.team());
        }
        if (story.channel() != null) {
            origin.add(story.channel());
        }
        return QUOTE_OPEN + story.quote() + QUOTE_CLOSE + (origin.isEmpty() ? "" : " (" + String.join(", ", origin) + ")");
    }

    public static final String QUOTE_OPEN = "\u201c";
    public static final String QUOTE_CLOSE = "\u201d";

    /** A probability as people read it: one significant digit, never in scientific notation ("0.00005"). */
    private static String probability(double p) {
        if (p < 0.000_001) {
            return "less than one in a million";
        }
        return new BigDecimal(p).round(new MathContext(1)).stripTrailingZeros().toPlainString();
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
