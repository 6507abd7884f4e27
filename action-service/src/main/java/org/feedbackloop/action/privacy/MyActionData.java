package org.feedbackloop.action.privacy;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.feedbackloop.action.domain.ActionStatus;
import org.feedbackloop.action.domain.Names;
import org.feedbackloop.action.domain.Titles;
import org.feedbackloop.events.Lengths;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * What action-service holds about a customer: their feedback as tracked here (or passed on as kudos), and their
 * "me too" votes.
 */
@Schema(name = "MyActionData", description = "What action-service holds about me")
public record MyActionData(
        @Schema(description = "Who I am here: the subject of my token", maxLength = Lengths.PERSON_ID) String subject,
        @Schema(description = "My feedback as action-service holds it, newest first", maxItems = MyActionData.MAX_ITEMS)
        List<MyFeedback> feedback,
        @Schema(description = "The actions I said \"me too\" about, newest first", maxItems = MyActionData.MAX_ITEMS)
        List<MyVote> meToo,
        @Schema(description = "True when either list had more than " + MyActionData.MAX_ITEMS + " entries: only the "
                + "newest are given") boolean truncated,
        Instant exportedAt) {

    /** The most of either list one export gives. */
    public static final int MAX_ITEMS = 10_000;

    @Schema(name = "MyTrackedFeedback", description = "A piece of my feedback and the action that tracks it, or the "
            + "team my praise was passed to as kudos")
    public record MyFeedback(
            UUID feedbackId,
            @Schema(nullable = true, implementation = String.class, format = "uuid",
                    description = "The action that tracks it; null for praise passed on as kudos")
            UUID actionId,
            @Schema(nullable = true, description = "The action's name as customers read it", examples = "Delivery feedback",
                    maxLength = Titles.LONGEST)
            String actionTitle,
            @Schema(nullable = true) ActionStatus actionStatus,
            Instant receivedAt,
            @Schema(nullable = true, implementation = String.class, format = "date-time", description = "When it joined its action") Instant linkedAt,
            @Schema(description = "My words as held here", maxLength = Lengths.FEEDBACK_TEXT) String text,
            @Schema(nullable = true, description = "The address I gave with it", format = "email",
                    maxLength = Lengths.EMAIL) String contactEmail,
            @Schema(nullable = true, description = "Praise: the team it was passed to as kudos instead of becoming an "
                    + "action", examples = "billing", pattern = Names.PATTERN, maxLength = Names.MAX_LENGTH)
            String passedToTeam,
            @Schema(nullable = true, implementation = String.class, format = "date-time",
                    description = "Praise: when it was passed on") Instant passedAt) {
    }

    @Schema(name = "MyVote", description = "A \"me too\" of mine on the public board")
    public record MyVote(
            UUID actionId,
            @Schema(description = "The action's name as customers read it", maxLength = Titles.LONGEST) String actionTitle,
            ActionStatus actionStatus,
            @Schema(description = "When I said it") Instant at) {
    }
}
