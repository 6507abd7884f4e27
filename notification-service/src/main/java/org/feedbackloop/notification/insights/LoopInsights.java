package org.feedbackloop.notification.insights;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.feedbackloop.events.Lengths;
import org.feedbackloop.kit.openapi.Counts;
import org.feedbackloop.kit.http.QueryParams;

import java.time.Instant;
import java.util.List;

/** Whether contributors heard back over a period: acknowledged, told what was done, told it was closed, how fast. */
@Schema(name = "LoopInsights", description = "The contributions received in the period [from, to): feedback items "
        + "whose contributor can be told (a contributor id, or a contact e-mail with consent to contact; or could be, "
        + "before an erasure of their data took these), not silent "
        + "(imported history nobody is told about) and not an answer to \"did this solve it?\" or a reply to an action's "
        + "e-mail (those continue a loop, they do not open one). Each item counts once: one person's two items count "
        + "twice, one message on two channels once. A notification reached its contributor when it is IN_APP and SENT "
        + "(at createdAt; a suppressed one did not) or EMAIL and SENT (at sentAt); pending, failed, dead and suppressed "
        + "ones do not count. Notifications are matched by the item's id in their feedbackIds.")
public record LoopInsights(
        @Schema(description = "Start of the period, inclusive") Instant from,
        @Schema(description = "End of the period, exclusive") Instant to,
        @Schema(description = "The instant the figures were read: notifications up to then count, and the backlog's "
                + "ages are measured from it") Instant generatedAt,
        @Schema(description = "Over all the period's contributions; key is null") Group total,
        @Schema(description = "By the channel the feedback came in on (WEB, EMAIL, SURVEY, SOCIAL, PHONE, IN_APP, API; "
                + "UNKNOWN for items received before the service kept it); " + LoopInsights.GROUPS_SHOWN,
                maxItems = LoopInsights.MAX_GROUPS) List<Group> byChannel,
        @Schema(description = "By topic; " + LoopInsights.GROUPS_SHOWN, maxItems = LoopInsights.MAX_GROUPS)
        List<Group> byTopic,
        @Schema(description = "By the team that has the item now: the team of the action tracking it, or the team it "
                + "was passed to as kudos (\"untracked\" while it has neither); " + LoopInsights.GROUPS_SHOWN,
                maxItems = LoopInsights.MAX_GROUPS) List<Group> byTeam,
        @Schema(description = "By the contributor's rating, as the inform clock reads it: DETRACTOR (NPS 0–6, CSAT "
                + "1–2), PASSIVE (NPS 7–8, CSAT 3), PROMOTER (NPS 9–10, CSAT 4–5), UNRATED (no rating, or an item "
                + "received before the service kept it); sorted by key") List<Group> bySegment,
        @Schema(description = "From receivedAt to the first acknowledgement that reached the contributor, over the "
                + "acknowledged contributions") Durations timeToAcknowledge,
        @Schema(description = "From receivedAt to the first substantive update that reached the contributor, over the "
                + "told contributions") Durations timeToFirstUpdate,
        @Schema(description = "From receivedAt to the first closing update that reached the contributor, over the "
                + "closed contributions") Durations timeToClosure,
        @Schema(description = "The backlog at generatedAt, whatever from is: contributions (as counted above) received "
                + "before to whose contributor no substantive update has reached yet and can still be told (not one "
                + "whose data was erased), by team; oldest first, the " + LoopInsights.MAX_GROUPS
                + " teams whose oldest waiting contribution is oldest at most", maxItems = LoopInsights.MAX_GROUPS)
        List<Waiting> neverTold) {

    /**
     * The most groups a dimension (channel, topic, team) and the backlog show: a dimension keeps its largest groups, so
     * that a taxonomy of many topics cannot make the answer unbounded; total counts every contribution all the same.
     */
    public static final int MAX_GROUPS = 100;
    static final String GROUPS_SHOWN = "the " + MAX_GROUPS + " groups with the most contributions at most (ties by "
            + "key), sorted by key; total counts them all";

    /** A group's key: a channel, a topic, a team or a segment. */
    static final int KEY_MAX_LENGTH = Lengths.NAME > Lengths.CODE ? Lengths.NAME : Lengths.CODE;

    @Schema(name = "LoopGroup", description = "The contributions of one channel, topic, team or segment")
    public record Group(
            @Schema(nullable = true, examples = "billing", description = "The channel, topic, team or segment; null "
                    + "in the total", maxLength = KEY_MAX_LENGTH) String key,
            @Schema(description = "Contributions received in the period (one per feedback item)", minimum = Counts.MIN,
                    maximum = Counts.LONG_MAX) long contributors,
            @Schema(description = "Of those, the ones an ACKNOWLEDGED notification reached", minimum = Counts.MIN,
                    maximum = Counts.LONG_MAX) long acknowledged,
            @Schema(description = "Of those, the ones a substantive update reached: YOU_SAID_WE_DID (a status change "
                    + "with the owner's public note), PROGRESS (a public note without one) or KUDOS_PASSED (their praise "
                    + "was passed to the team as kudos)", minimum = Counts.MIN, maximum = Counts.LONG_MAX) long told,
            @Schema(description = "Of those, the ones whose loop was closed: told their action's final status (a "
                    + "YOU_SAID_WE_DID whose status, data.status, the status it announced, is DONE or DECLINED), or told "
                    + "their praise reached the team (KUDOS_PASSED: no action follows it)", minimum = Counts.MIN,
                    maximum = Counts.LONG_MAX) long closed,
            @Schema(nullable = true, examples = "0.75", description = "told / contributors; null when contributors is 0")
            Double rate) {
    }

    @Schema(name = "LoopDurations", description = "A distribution of durations: median and 90th percentile by linear "
            + "interpolation (PostgreSQL percentile_cont), rounded to whole seconds")
    public record Durations(
            @Schema(description = "How many durations", minimum = Counts.MIN, maximum = Counts.LONG_MAX) long count,
            @Schema(nullable = true, examples = "3600", description = "Null when count is 0", minimum = Counts.MIN,
                    maximum = Counts.LONG_MAX) Long medianSeconds,
            @Schema(nullable = true, examples = "172800", description = "Null when count is 0", minimum = Counts.MIN,
                    maximum = Counts.LONG_MAX) Long p90Seconds) {
    }

    @Schema(name = "LoopWaiting", description = "One team's contributions that no substantive update reached yet")
    public record Waiting(
            @Schema(examples = "billing", description = "The team of the action tracking them, or the team they were "
                    + "passed to as kudos, or \"untracked\"", maxLength = Lengths.NAME,
                    pattern = QueryParams.NAME_PATTERN)
            String team,
            @Schema(description = "How many", minimum = Counts.MIN, maximum = Counts.LONG_MAX) long contributors,
            @Schema(description = "When the oldest of them was received") Instant oldestReceivedAt,
            @Schema(description = "Those received more than 2 days before generatedAt", minimum = Counts.MIN,
                    maximum = Counts.LONG_MAX) long over2Days,
            @Schema(description = "Those received more than 7 days before generatedAt", minimum = Counts.MIN,
                    maximum = Counts.LONG_MAX) long over7Days) {
    }
}
