package org.feedbackloop.feedback.privacy;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.feedbackloop.kit.openapi.Counts;

import java.time.Instant;

/** What an erasure did here, and that the other services follow. */
@Schema(name = "ErasureReceipt")
public record ErasureReceipt(
        @Schema(description = "Your feedback items whose words and contact are gone; they stay only as counts",
                minimum = Counts.MIN, maximum = Counts.INT_MAX) int feedbackErased,
        @Schema(description = "Other people's items that gave one of your addresses as their contact: the address is gone",
                minimum = Counts.MIN, maximum = Counts.INT_MAX) int contactsRemoved,
        @Schema(description = "Always " + ErasureReceipt.ERASING + ": action-service and notification-service erase their part "
                + "on the feedback.erased event, within seconds", enumeration = ErasureReceipt.ERASING) String status,
        Instant erasedAt) {

    /** Erased here; the other services follow. */
    public static final String ERASING = "ERASING";
}
