package org.feedbackloop.notification.webhooks;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** Back-off, signatures and event type filters, without the application. */
class DeliveryRulesTest {

    private static final Duration FIRST = Duration.ofSeconds(10);
    private static final Duration MAX = Duration.ofHours(1);

    @Test
    void theBackoffDoublesFromTheFirstUpToTheMaximum() {
        assertThat(WebhookDispatcher.backoff(1, FIRST, MAX, 0.5)).isEqualTo(Duration.ofSeconds(10));
        assertThat(WebhookDispatcher.backoff(2, FIRST, MAX, 0.5)).isEqualTo(Duration.ofSeconds(20));
        assertThat(WebhookDispatcher.backoff(5, FIRST, MAX, 0.5)).isEqualTo(Duration.ofSeconds(160));
        assertThat(WebhookDispatcher.backoff(10, FIRST, MAX, 0.5)).isEqualTo(MAX);
        assertThat(WebhookDispatcher.backoff(500, FIRST, MAX, 0.5)).isEqualTo(MAX);
    }

    @Test
    void theJitterIsTwentyPercentEitherWay() {
        assertThat(WebhookDispatcher.backoff(1, FIRST, MAX, 0.0)).isEqualTo(Duration.ofSeconds(8));
        assertThat(WebhookDispatcher.backoff(1, FIRST, MAX, 0.999_999)).isEqualTo(Duration.ofSeconds(12));
        assertThat(WebhookDispatcher.backoff(40, FIRST, MAX, 0.0)).isEqualTo(MAX.multipliedBy(8).dividedBy(10));
    }

    @Test
    void theSignatureIsTheStandardWebhooksOne() {
        // the published example of the Standard Webhooks specification
        var signature = WebhookSignature.sign("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw", "msg_p5jXN8AQM9LWM0D4loKWxJek",
                1614265330L, "{\"test\": 2432232314}".getBytes(StandardCharsets.UTF_8));
        assertThat(signature).isEqualTo("v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=");
    }

    @Test
    void secretsAreFreshAndCarryTheirPrefix() {
        var one = WebhookSignature.newSecret();
        assertThat(one).startsWith("whsec_").hasSize("whsec_".length() + 44).isNotEqualTo(WebhookSignature.newSecret());
    }

    @Test
    void aWildcardNamesItsFamily() {
        assertThat(EventTypeFilter.familyOf("action.status-changed")).isEqualTo("action.*");
        assertThat(EventTypeFilter.familyOf("feedback.received")).isEqualTo("feedback.*");
        assertThat(EventTypeFilter.isSubscribable("action.*")).isTrue();
        assertThat(EventTypeFilter.isSubscribable("notification.*")).isFalse();
        assertThat(EventTypeFilter.isSubscribable("action.deadline-approaching")).isTrue();
        assertThat(EventTypeFilter.isSubscribable("action.kudos-passed")).isTrue();
        assertThat(EventTypeFilter.isSubscribable("Action.Created")).isFalse();
        // the managers' insights, on feedback.events for now, are for integrators too
        assertThat(EventTypeFilter.isSubscribable("insight.silence-detected")).isTrue();
        assertThat(EventTypeFilter.familyOf("insight.silence-detected")).isEqualTo("insight.*");
        assertThat(EventTypeFilter.isSubscribable("insight.*")).isTrue();
    }
}
