package org.feedbackloop.feedback.privacy;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.feedbackloop.events.Lengths;
import org.feedbackloop.feedback.api.FeedbackView;
import org.feedbackloop.feedback.domain.CustomerAddresses;
import org.feedbackloop.feedback.domain.NewFeedback;

import java.time.Instant;
import java.util.List;

/** What feedback-service holds about a customer. */
@Schema(name = "MyFeedbackData")
public record MyFeedbackData(
        @Schema(description = "Your id in the identity provider", maxLength = Lengths.PERSON_ID) String subject,
        @Schema(description = "Your e-mail addresses we know: verified ones that join your history (the "
                + CustomerAddresses.MAX_PER_CUSTOMER + " you used most recently), and the contacts you gave on the items "
                + "exported", maxItems = MyFeedbackData.MAX_ADDRESSES)
        List<@Email @Size(max = NewFeedback.MAX_EMAIL) String> addresses,
        @Schema(description = "Your feedback, newest first, with everything stored about each item", maxItems = MyFeedbackData.MAX_ITEMS)
        List<FeedbackView> feedback,
        @Schema(description = "True when there were more than " + MyFeedbackData.MAX_ITEMS + " items: the newest are here")
        boolean truncated,
        Instant exportedAt) {

    public static final int MAX_ITEMS = 10_000;
    /** The verified addresses kept, and a contact address on each item exported at most. */
    public static final int MAX_ADDRESSES = CustomerAddresses.MAX_PER_CUSTOMER + MAX_ITEMS;
}
