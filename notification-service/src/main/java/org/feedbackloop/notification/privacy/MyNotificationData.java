package org.feedbackloop.notification.privacy;

import com.fasterxml.jackson.databind.JsonNode;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.feedbackloop.events.Lengths;
import org.feedbackloop.kit.http.QueryParams;
import org.feedbackloop.notification.domain.EmailSuppression;
import org.feedbackloop.notification.domain.Kind;
import org.feedbackloop.notification.domain.Notification;
import org.feedbackloop.notification.domain.Preference;
import org.feedbackloop.notification.email.EmailSender;
import org.feedbackloop.notification.surveys.Survey;
import org.feedbackloop.notification.surveys.SurveyRequests;
import org.feedbackloop.notification.wording.Wording;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** What notification-service holds about a customer (GET /api/me/export). */
@Schema(name = "MyNotificationData", description = "Everything notification-service holds about you: your preferences, "
        + "your feedback as it was announced to this service, every message to you on every channel, the surveys you "
        + "were asked and whether an address of yours gets no e-mail. Each list holds the newest "
        + MyNotificationData.MAX_ITEMS + " at most.")
public record MyNotificationData(
        @Schema(description = "Your id in the identity provider", maxLength = Lengths.PERSON_ID) String subject,
        @Schema(description = "Your addresses this export covers: your verified address, and the contacts you gave "
                + "with your feedback; trimmed and lower-cased", maxItems = MyNotificationData.MAX_ADDRESSES)
        List<String> addresses,
        MyPreferences preferences,
        @Schema(description = "Your feedback, newest first", maxItems = MyNotificationData.MAX_ITEMS)
        List<MyContribution> contributions,
        @Schema(description = "Messages to you, newest first: your inbox and the e-mail to your addresses",
                maxItems = MyNotificationData.MAX_ITEMS)
        List<MyNotification> notifications,
        @Schema(description = "Surveys you were asked, at one of your addresses or by name; newest first",
                maxItems = MyNotificationData.MAX_ITEMS)
        List<MySurveyInvitation> surveyInvitations,
        @Schema(description = "For each of your addresses, whether e-mail to it is stopped",
                maxItems = MyNotificationData.MAX_ADDRESSES) List<MySuppression> suppressions,
        @Schema(description = "True when a list had more than " + MyNotificationData.MAX_ITEMS + " entries (the newest "
                + "are here), or a message named more than " + Notification.MAX_SHOWN_FEEDBACK_IDS + " feedback items")
        boolean truncated,
        Instant exportedAt) {

    public static final int MAX_ITEMS = 10_000;
    /** The verified address and the contacts of the contributions read (one more than {@link #MAX_ITEMS}). */
    static final int MAX_ADDRESSES = MAX_ITEMS + 2;

    @Schema(name = "MyNotificationPreferences", description = "How you want to hear back")
    public record MyPreferences(
            @Schema(description = "E-mail (only ever about feedback you agreed to be contacted about)") boolean email,
            @Schema(description = "In-app inbox and live stream") boolean inApp,
            @Schema(description = "IMMEDIATE, or DAILY for one e-mail a day") Preference.Digest digest,
            @Schema(description = "The weekly stories digest (for managers and owners)") boolean stories,
            @Schema(description = "True when you never chose: these are the defaults, and nothing is stored")
            boolean defaults,
            @Schema(nullable = true, implementation = String.class, format = "date-time",
                    description = "When you last changed them; null for the defaults") Instant updatedAt) {
    }

    @Schema(name = "MyContribution", description = "A piece of your feedback as feedback-service announced it here")
    public record MyContribution(
            UUID feedbackId,
            @Schema(description = "Your words", maxLength = Lengths.FEEDBACK_TEXT) String text,
            @Schema(nullable = true, description = "The address you gave to be contacted at", format = "email",
                    maxLength = Lengths.EMAIL) String contactEmail,
            boolean consentToContact,
            @Schema(maxLength = Lengths.NAME, pattern = QueryParams.NAME_PATTERN) String topic,
            @Schema(nullable = true, description = "Where it came in: WEB, EMAIL, SURVEY, SOCIAL, PHONE, IN_APP, API",
                    maxLength = Lengths.CODE) String channel,
            Instant receivedAt,
            @Schema(nullable = true, implementation = String.class, format = "uuid", description = "The action that tracks it")
            UUID actionId,
            @Schema(nullable = true, implementation = String.class, format = "date-time") Instant linkedAt) {
    }

    @Schema(name = "MyNotification", description = "One message to you on one channel")
    public record MyNotification(
            UUID id,
            Kind kind,
            Notification.Channel channel,
            @Schema(description = "PENDING, SENT, FAILED (retrying), DEAD (given up) or SUPPRESSED (not sent on purpose)")
            Notification.Status status,
            @Schema(nullable = true, description = "Why it was not sent, for SUPPRESSED, FAILED and DEAD",
                    maxLength = EmailSender.MAX_ERROR_LENGTH) String statusReason,
            @Schema(nullable = true, description = "The address an e-mail went to", format = "email",
                    maxLength = Lengths.EMAIL) String email,
            @Schema(maxLength = Wording.TITLE_MAX_LENGTH) String title,
            @Schema(maxLength = Wording.BODY_MAX_LENGTH) String body,
            @Schema(nullable = true, implementation = String.class, format = "uuid") UUID actionId,
            @Schema(description = "The feedback items it is about, " + Notification.SHOWN_FEEDBACK_IDS + " (each of "
                    + "your items is in contributions, with its action); empty for none",
                    maxItems = Notification.MAX_SHOWN_FEEDBACK_IDS) List<UUID> feedbackIds,
            @Schema(type = SchemaType.OBJECT, implementation = Object.class,
                    description = "Details: quote of your words, public note, status, links...") JsonNode data,
            Instant createdAt,
            @Schema(nullable = true, implementation = String.class, format = "date-time") Instant sentAt,
            @Schema(nullable = true, implementation = String.class, format = "date-time") Instant readAt) {
    }

    @Schema(name = "MySurveyInvitation", description = "A survey you were asked, and your answer")
    public record MySurveyInvitation(
            UUID invitationId,
            UUID surveyId,
            @Schema(maxLength = SurveyRequests.NAME_MAX_LENGTH) String surveyName,
            @Schema(description = "The address it was sent to", format = "email",
                    maxLength = SurveyRequests.EMAIL_MAX_LENGTH) String email,
            Instant invitedAt,
            Instant expiresAt,
            @Schema(nullable = true, implementation = String.class, format = "date-time") Instant answeredAt,
            @Schema(nullable = true, minimum = Survey.LOWEST_SCORE, maximum = Survey.HIGHEST_SCORE) Integer score,
            @Schema(nullable = true, description = "The reason you gave for your score",
                    maxLength = SurveyRequests.REASON_MAX_LENGTH) String reason) {
    }

    @Schema(name = "MySuppression", description = "Whether an address of yours gets no e-mail from us")
    public record MySuppression(
            @Schema(format = "email", maxLength = Lengths.EMAIL) String email,
            boolean suppressed,
            @Schema(nullable = true, description = EmailSuppression.UNSUBSCRIBED + " (you used the link in an e-mail) or "
                    + EmailSuppression.BOUNCED + " (mail to it failed for good)",
                    enumeration = {EmailSuppression.UNSUBSCRIBED, EmailSuppression.BOUNCED}) String reason,
            @Schema(nullable = true, implementation = String.class, format = "date-time", description = "Since when")
            Instant since) {
    }
}
