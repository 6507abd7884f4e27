package org.feedbackloop.action.api;

import org.feedbackloop.kit.openapi.Counts;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.feedbackloop.action.domain.ActionStatus;
import org.feedbackloop.action.domain.Names;
import org.feedbackloop.action.domain.Titles;
import org.feedbackloop.action.similarity.Neighbours;
import org.feedbackloop.events.Lengths;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** What is near an action or a piece of feedback in meaning: open actions to merge, feedback to link. */
@Schema(name = "Similar")
public record SimilarView(
        @Schema(description = "Open actions near in meaning, nearest first", maxItems = SimilarResource.MAX_LIMIT)
        List<SimilarView.SimilarAction> actions,
        @Schema(description = "Feedback of other actions near in meaning, nearest first",
                maxItems = SimilarResource.MAX_LIMIT) List<SimilarView.SimilarFeedback> feedback) {

    static SimilarView of(Neighbours.Near near) {
        return new SimilarView(
                near.actions().stream().map(n -> new SimilarAction(n.action().id, n.action().title,
                        n.action().titleForCustomers(), n.action().team, n.action().status, n.action().feedbackCount,
                        n.score())).toList(),
                near.feedback().stream().map(n -> new SimilarFeedback(n.item().feedbackId, n.item().actionId,
                        n.item().text, n.item().topic, n.item().receivedAt, n.score())).toList());
    }

    @Schema(name = "SimilarAction")
    public record SimilarAction(UUID id,
                                @Schema(maxLength = Titles.LONGEST) String title,
                                @Schema(maxLength = Titles.LONGEST) String titleForCustomers,
                                @Schema(pattern = Names.PATTERN, maxLength = Names.MAX_LENGTH) String team,
                                ActionStatus status,
                                @Schema(minimum = Counts.MIN, maximum = Counts.INT_MAX) int feedbackCount,
                                @Schema(description = "Mean similarity in meaning to the action's feedback, 0–1", examples = "0.41")
                                double score) {
    }

    @Schema(name = "SimilarFeedback")
    public record SimilarFeedback(UUID feedbackId,
                                  @Schema(description = "The action that tracks it") UUID actionId,
                                  @Schema(maxLength = Lengths.FEEDBACK_TEXT) String text,
                                  @Schema(pattern = Names.PATTERN, maxLength = Names.MAX_LENGTH) String topic,
                                  Instant receivedAt,
                                  @Schema(description = "Similarity in meaning, 0–1", examples = "0.52") double score) {
    }
}
