package org.feedbackloop.action.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.feedbackloop.action.similarity.RepresentativeFeedback;
import org.feedbackloop.events.Lengths;

import java.util.UUID;

/** The feedback that says best what an action is about: where staff start a public title in their own words. */
@Schema(name = "RepresentativeFeedback")
public record RepresentativeView(
        UUID feedbackId,
        @Schema(description = "The contributor's own words: not to be published as they are",
                maxLength = Lengths.FEEDBACK_TEXT) String text,
        @Schema(description = "Cosine similarity in meaning to the action's mean, 0–1; null when no feedback of the "
                + "action has a problem vector (then this is its oldest feedback)", nullable = true, examples = "0.85")
        Double similarity) {

    static RepresentativeView of(RepresentativeFeedback.Representative found) {
        return new RepresentativeView(found.feedbackId(), found.text(), found.similarity());
    }
}
