package org.feedbackloop.action.api;

import org.feedbackloop.events.Lengths;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.feedbackloop.action.domain.ActionStatus;
import org.feedbackloop.action.domain.Names;
import org.feedbackloop.action.domain.Priority;
import org.feedbackloop.action.domain.Titles;
import org.feedbackloop.kit.http.WellFormedText;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** The bodies the action endpoints accept. */
public final class ActionRequests {

    /** The longest note, internal or public, an action or its history keeps. */
    public static final int LONGEST_NOTE = Lengths.NOTE;
    /** The longest owner id (a token subject) an action or a routing rule keeps, and the queue's owner filter takes. */
    public static final int LONGEST_OWNER_ID = Lengths.PERSON_ID;
    /** The longest owner display name an assignment or a routing rule sets. */
    public static final int LONGEST_OWNER_NAME = Lengths.PERSON_NAME;

    static final String PUBLIC_TITLE = "The action's name as contributors and the public board read it, from now on; "
            + "until staff write one, they read a neutral name made from the topic. In staff's own words: a title "
            + "that repeats the text of feedback the action tracks (case, spacing and punctuation around aside), or "
            + "quotes one of 20 characters or more, is refused (422)";

    private ActionRequests() {
    }

    @Schema(name = "CreateAction")
    public record CreateAction(
            @Schema(description = "Feedback received by triage and not yet tracked by an action")
            @NotEmpty @Size(max = 100) List<@NotNull UUID> feedbackIds,
            @Schema(description = "Defaults to the first sentence of the first feedback (for staff only: customers then "
                    + "read a neutral name made from the topic); a title given here is also the one customers read")
            @Size(min = 1, max = Titles.LONGEST) @WellFormedText String title,
            @Schema(description = "Defaults to the routing rule of the feedback's topic", examples = "billing",
                    maxLength = Names.MAX_LENGTH)
            @Pattern(regexp = Names.PATTERN, message = "must be a team name such as billing") String team,
            @Schema(description = "Defaults to the highest priority of the feedback") Priority priority,
            @Schema(description = "Defaults to the SLA of the priority") Instant dueAt) {
    }

    @Schema(name = "Transition")
    public record Transition(
            @Schema(examples = "PLANNED") @NotNull ActionStatus to,
            @Schema(description = "Internal note, for the history")
            @Size(max = LONGEST_NOTE) @WellFormedText String note,
            @Schema(description = "What every contributor reads; required for DONE and DECLINED",
                    examples = "We fixed the double charge and refunded everyone affected.")
            @Size(max = LONGEST_NOTE) @WellFormedText String publicNote,
            @Schema(description = PUBLIC_TITLE, examples = "Double charges on invoices")
            @Size(min = 1, max = Titles.LONGEST) @WellFormedText String publicTitle) {
    }

    @Schema(name = "ProgressUpdate")
    public record ProgressUpdate(
            @Schema(examples = "We found the cause and will ship the fix on Monday.")
            @NotBlank @Size(max = LONGEST_NOTE) @WellFormedText String publicNote,
            @Schema(description = PUBLIC_TITLE, examples = "Double charges on invoices")
            @Size(min = 1, max = Titles.LONGEST) @WellFormedText String publicTitle) {
    }

    @Schema(name = "Assignment")
    public record Assignment(
            @Schema(description = "The owner's user id (token subject); null puts the action back in the team queue")
            @Size(max = LONGEST_OWNER_ID) @WellFormedText String ownerId,
            @Schema(description = "Display name of the owner")
            @Size(max = LONGEST_OWNER_NAME) @WellFormedText String ownerName) {
    }

    @Schema(name = "DueChange")
    public record DueChange(
            @NotNull Instant dueAt,
            @Schema(description = "Why: contributors may be told")
            @Size(max = LONGEST_NOTE) @WellFormedText String reason) {
    }

    @Schema(name = "Links")
    public record Links(@NotEmpty @Size(max = 100) List<@NotNull UUID> feedbackIds) {
    }

    @Schema(name = "Merge")
    public record Merge(@Schema(description = "The action the duplicate merges into") @NotNull UUID into) {
    }
}
