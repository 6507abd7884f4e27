package org.feedbackloop.notification.domain;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Why someone is told something. */
@Schema(name = "NotificationKind", description = "Why someone is told something")
public enum Kind {
    /** To a contributor: thanks, we heard you, here is what happens next. */
    ACKNOWLEDGED,
    /** To a contributor: your feedback is tracked by this action, this team, by this date. */
    TRACKED,
    /** To every contributor of an action: what changed, in the owner's public note. */
    YOU_SAID_WE_DID,
    /** To every contributor: progress without a change of status. */
    PROGRESS,
    /** To every contributor: the timescale moved. */
    DUE_CHANGED,
    /** To an owner: an action is now theirs. */
    ASSIGNED,
    /** To an owner (or their team): a deadline is near. */
    DEADLINE_APPROACHING,
    /** To an owner (or their team): a deadline was missed. */
    OVERDUE,
    /** To managers: an action needs leadership attention. */
    ESCALATED,
    /** To an owner (or their team): a contributor says their done action did not solve it. */
    FOLLOW_UP_NOT_SOLVED,
    /** To someone asked a survey: the question and the link to answer it. */
    SURVEY_INVITATION,
    /** To managers: a topic or channel has gone quiet. */
    SILENCE_DETECTED,
    /** To a contributor: their praise was passed to the team as kudos (a substantive update; it closes the loop). */
    KUDOS_PASSED,
    /** To a team's owner (or the team): a customer's kind words about their work. */
    KUDOS,
    /** To a manager or an owner: the week's stories in the customers' own words (the weekly digest). */
    STORIES
}
