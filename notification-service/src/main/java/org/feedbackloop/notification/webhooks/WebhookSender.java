package org.feedbackloop.notification.webhooks;

import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.client.WebClientOptions;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.core.buffer.Buffer;
import io.vertx.mutiny.core.net.SocketAddress;
import io.vertx.mutiny.ext.web.client.WebClient;
import io.vertx.mutiny.ext.web.codec.BodyCodec;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import org.feedbackloop.notification.config.NotificationConfig;

import java.net.ConnectException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.TimeoutException;

/**
 * Makes one delivery attempt: checks the URL again (SSRF guard), then POSTs the CloudEvent, signed, to the
 * address that was checked. Never follows redirects: a 3xx is a failed attempt. Never fails: every problem is
 * an {@link Outcome}.
 */
@ApplicationScoped
public class WebhookSender {

    static final String USER_AGENT = "FeedbackLoop-Webhooks/1.0";
    static final int MAX_ERROR_LENGTH = 300;
    /** The status codes HTTP defines (RFC 9110): another number in an answer is kept in the error only. */
    private static final int LOWEST_STATUS_CODE = 100;
    private static final int HIGHEST_STATUS_CODE = 599;
    static final String LOWEST_STATUS = "" + LOWEST_STATUS_CODE;
    static final String HIGHEST_STATUS = "" + HIGHEST_STATUS_CODE;

    /** What to send: the delivery (its id is the webhook-id) and its subscription's URL and secret. */
    record Attempt(UUID deliveryId, String url, String secret, String payload) {
    }

    /** How an attempt went; {@code statusCode} is null when no HTTP answer came. */
    record Outcome(UUID deliveryId, boolean delivered, Integer statusCode, String error) {
    }

    private final WebClient client;
    private final UrlGuard guard;
    private final Duration timeout;
    private final Clock clock;

    WebhookSender(Vertx vertx, UrlGuard guard, NotificationConfig config, Clock clock) {
        this.guard = guard;
        this.timeout = config.webhooks().timeout();
        this.clock = clock;
        this.client = WebClient.create(vertx, new WebClientOptions()
                .setUserAgent(USER_AGENT)
                .setFollowRedirects(false)
                .setConnectTimeout((int) timeout.toMillis())
                .setMaxPoolSize(Math.max(5, config.webhooks().batchSize())));
    }

    @PreDestroy
    void close() {
        client.close();
    }

    Uni<Outcome> send(Attempt attempt) {
        return guard.check(attempt.url())
                .flatMap(target -> post(attempt, target))
                .onFailure().recoverWithItem(failure -> new Outcome(attempt.deliveryId(), false, null, describe(failure)));
    }

    private Uni<Outcome> post(Attempt attempt, UrlGuard.Target target) {
        var uri = target.uri();
        int port = uri.getPort() != -1 ? uri.getPort() : uri.getScheme().equalsIgnoreCase("https") ? 443 : 80;
        var withoutFragment = uri.getRawFragment() == null ? uri.toString()
                : uri.toString().substring(0, uri.toString().indexOf('#'));
        var body = attempt.payload().getBytes(StandardCharsets.UTF_8);
        var webhookId = attempt.deliveryId().toString();
        var timestamp = clock.instant().getEpochSecond();
        return client.requestAbs(HttpMethod.POST,
                        SocketAddress.inetSocketAddress(port, target.address().getHostAddress()), withoutFragment)
                .followRedirects(false)
                .timeout(timeout.toMillis())
                .putHeader("content-type", "application/cloudevents+json")
                .putHeader("webhook-id", webhookId)
                .putHeader("webhook-timestamp", Long.toString(timestamp))
                .putHeader("webhook-signature", WebhookSignature.sign(attempt.secret(), webhookId, timestamp, body))
                .as(BodyCodec.none())
                .sendBuffer(Buffer.buffer(body))
                .ifNoItem().after(timeout).failWith(TimeoutException::new)
                .map(response -> response.statusCode() / 100 == 2
                        ? new Outcome(attempt.deliveryId(), true, response.statusCode(), null)
                        : new Outcome(attempt.deliveryId(), false, httpStatus(response.statusCode()),
                                shorten("HTTP " + response.statusCode() + " " + response.statusMessage())));
    }

    private String describe(Throwable failure) {
        return shorten(switch (failure) {
            case UrlGuard.Refused refused -> "refused: the URL " + refused.getMessage();
            case TimeoutException ignored -> "no answer within " + timeout.toMillis() + " ms";
            case ConnectException connect -> "cannot connect: " + connect.getMessage();
            default -> failure.getClass().getSimpleName() + (failure.getMessage() == null ? "" : ": " + failure.getMessage());
        });
    }

    private static Integer httpStatus(int code) {
        return code >= LOWEST_STATUS_CODE && code <= HIGHEST_STATUS_CODE ? code : null;
    }

    private static String shorten(String text) {
        return text.length() <= MAX_ERROR_LENGTH ? text : text.substring(0, MAX_ERROR_LENGTH - 1) + "…";
    }
}
