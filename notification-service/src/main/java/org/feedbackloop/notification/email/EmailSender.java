package org.feedbackloop.notification.email;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.mailer.Mail;
import io.quarkus.mailer.reactive.ReactiveMailer;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import org.feedbackloop.kit.signing.ReplyReferences;
import org.feedbackloop.notification.config.NotificationConfig;
import org.feedbackloop.notification.domain.Kind;
import org.feedbackloop.notification.domain.Notification;
import org.feedbackloop.notification.domain.Notifier;
import org.feedbackloop.notification.domain.Repositories;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Sends the e-mail notifications that are due, through the configured SMTP server ({@link EmailDispatcher} decides
 * when): one message per notification, or one digest for everything due to an address at once (the weekly stories
 * always go alone, in a template of their own). Claims rows with {@code FOR UPDATE SKIP LOCKED} (replicas share the
 * work) and marks them SENT in the same transaction; a failure is retried with exponential back-off and jitter, and
 * after the last attempt the row is DEAD: counted, logged, kept — never dropped silently. Every message carries a
 * one-click unsubscribe link.
 */
@ApplicationScoped
public class EmailSender {

    private static final Logger LOG = Logger.getLogger(EmailSender.class);
    /** The longest error kept of a failed attempt. */
    public static final int MAX_ERROR_LENGTH = 300;

    private final Repositories.Notifications notifications;
    private final Notifier notifier;
    private final ReactiveMailer mailer;
    private final LinkTokens tokens;
    private final Template single;
    private final Template singleText;
    private final Template digest;
    private final Template digestText;
    private final Template stories;
    private final Template storiesText;
    private final ObjectMapper json;
    private final NotificationConfig config;
    private final Clock clock;
    private final Counter sent;
    private final Counter failed;
    private final Counter dead;
    /**
     * Notifications the mail server accepted whose SENT was not committed (the database went away during the round),
     * with when: the next round that claims them records them without sending them again. Forgotten after a day (another
     * replica may have taken the rows), so that the map stays small.
     */
    private final Map<UUID, Instant> acceptedNotRecorded = new ConcurrentHashMap<>();
    private final ReplyReferences replies;
    private final String host;

    EmailSender(Repositories.Notifications notifications, Notifier notifier, ReactiveMailer mailer, LinkTokens tokens,
                @Location("email/notification.html") Template single, @Location("email/notification.txt") Template singleText,
                @Location("email/digest.html") Template digest, @Location("email/digest.txt") Template digestText,
                @Location("email/stories.html") Template stories, @Location("email/stories.txt") Template storiesText,
                ObjectMapper json, NotificationConfig config, Clock clock, MeterRegistry metrics, ReplyReferences replies) {
        this.notifications = notifications;
        this.replies = replies;
        var publicHost = URI.create(config.publicUrl()).getHost();
        this.host = publicHost == null ? "feedbackloop.local" : publicHost;
        this.notifier = notifier;
        this.mailer = mailer;
        this.tokens = tokens;
        this.single = single;
        this.singleText = singleText;
        this.digest = digest;
        this.digestText = digestText;
        this.stories = stories;
        this.storiesText = storiesText;
        this.json = json;
        this.config = config;
        this.clock = clock;
        this.sent = Counter.builder("notifications.email.sent").description("E-mails the SMTP server accepted").register(metrics);
        this.failed = Counter.builder("notifications.email.failures").description("Failed sends, retried later").register(metrics);
        this.dead = Counter.builder("notifications.email.dead").description("E-mails given up after the last attempt").register(metrics);
    }

    /**
     * Sends what is due at {@code now}; returns how many notifications it handled. The messages of a batch go to the
     * mail server at once, over up to {@code concurrency} pooled connections (a mail server answers each command of
     * a message in turn, so one connection carries only a few messages a second); their rows stay locked until the
     * outcomes are recorded. Must be called on a Vert.x context.
     */
    public Uni<Integer> sendDue(Instant now) {
        var context = Vertx.currentContext();
        if (context == null) {
            throw new IllegalStateException("E-mail must be sent from a Vert.x context");
        }
        Executor backOnThisContext = task -> context.runOnContext(ignored -> task.run());
        var dayAgo = clock.instant().minus(Duration.ofDays(1));
        acceptedNotRecorded.values().removeIf(acceptedAt -> acceptedAt.isBefore(dayAgo));
        return Panache.withTransaction(() -> lockDue(now).flatMap(ids -> ids.isEmpty()
                ? Uni.createFrom().item(new Round(0, List.of()))
                : notifications.list("id in ?1 order by createdAt", ids).flatMap(due -> {
                    var batches = new LinkedHashMap<String, List<Notification>>();
                    var alreadyAccepted = new ArrayList<Notification>();
                    due.forEach(n -> {
                        if (acceptedNotRecorded.containsKey(n.id)) {
                            alreadyAccepted.add(n);
                        } else if (n.kind == Kind.STORIES) {
                            batches.put(n.id.toString(), List.of(n)); // a digest of its own: never in another
                        } else {
                            // as feedback.received gave it: " Ann@Example.com" is ann@example.com
                            batches.computeIfAbsent(address(n), key -> new ArrayList<>()).add(n);
                        }
                    });
                    return Multi.createFrom().iterable(batches.values())
                            .onItem().transformToUni(batch -> send(address(batch.getFirst()), batch))
                            .merge(config.email().concurrency())
                            .collect().asList()
                            // the session belongs to this context; a send may end on the mail client's
                            .emitOn(backOnThisContext)
                            .map(outcomes -> alreadyAccepted.isEmpty() ? outcomes : withAlreadyAccepted(outcomes, alreadyAccepted))
                            .flatMap(outcomes -> record(outcomes, now).replaceWith(outcomes))
                            .map(outcomes -> new Round(due.size(), outcomes));
                })))
                .invoke(round -> {
                    round.outcomes().stream().filter(outcome -> outcome.failure() == null)
                            .forEach(outcome -> outcome.batch().forEach(n -> acceptedNotRecorded.remove(n.id)));
                    if (round.handled() > 0) {
                        notifier.committed();
                    }
                })
                .map(Round::handled);
    }

    /** What one round handled, and the outcome of each message. */
    private record Round(int handled, List<Outcome> outcomes) {
    }

    private static List<Outcome> withAlreadyAccepted(List<Outcome> outcomes, List<Notification> alreadyAccepted) {
        var all = new ArrayList<>(outcomes);
        all.add(new Outcome(alreadyAccepted, null));
        return all;
    }

    /**
     * The e-mails due at {@code now}, locked for this round. One waits while an older e-mail to its address is waiting
     * for a retry: a person's e-mails arrive in the order they were written, the older first or both in one digest.
     */
    private Uni<List<UUID>> lockDue(Instant now) {
        return Panache.getSession().flatMap(session -> session.createNativeQuery("""
                        select id from notification n
                        where channel = 'EMAIL' and status in ('PENDING', 'FAILED') and next_attempt_at <= :now
                          and not exists (select 1 from notification older
                                          where older.channel = 'EMAIL' and older.status = 'FAILED'
                                            and lower(btrim(older.email)) = lower(btrim(n.email))
                                            and older.created_at < n.created_at and older.next_attempt_at > :now)
                        order by next_attempt_at limit :limit for update skip locked""", UUID.class)
                .setParameter("now", now)
                .setParameter("limit", config.email().batchSize())
                .getResultList());
    }

    /** What became of one message: its notifications, and why it failed (null when the server accepted it). */
    private record Outcome(List<Notification> batch, Throwable failure) {
    }

    private static String address(Notification n) {
        return n.email.strip().toLowerCase(Locale.ROOT);
    }

    private Uni<Outcome> send(String address, List<Notification> batch) {
        Mail mail;
        try {
            mail = compose(address, batch);
        } catch (IOException | RuntimeException e) {
            return Uni.createFrom().item(new Outcome(batch, e));
        }
        // deferred: the mailer refuses an address it cannot parse by throwing, which would fail the whole round (and
        // every later one) instead of this message
        return Uni.createFrom().deferred(() -> mailer.send(mail))
                // a server that hangs must not hold the batch's rows, nor the dispatcher, for ever
                .ifNoItem().after(config.email().sendTimeout()).fail()
                .onItem().transform(nothing -> {
                    var acceptedAt = clock.instant();
                    batch.forEach(n -> acceptedNotRecorded.put(n.id, acceptedAt));
                    return new Outcome(batch, null);
                })
                .onFailure().recoverWithItem(failure -> new Outcome(batch, failure));
    }

    private Uni<Void> record(List<Outcome> outcomes, Instant now) {
        var at = clock.instant().truncatedTo(ChronoUnit.MICROS);
        return Multi.createFrom().iterable(outcomes)
                .onItem().transformToUniAndConcatenate(outcome -> outcome.failure() == null
                        ? sent(outcome.batch(), at)
                        : failedAll(outcome.batch(), now, outcome.failure()))
                .collect().last().replaceWithVoid();
    }

    private Uni<Void> sent(List<Notification> batch, Instant at) {
        sent.increment();
        return Multi.createFrom().iterable(batch).onItem().transformToUniAndConcatenate(n -> {
            n.status = Notification.Status.SENT;
            n.sentAt = at;
            n.attempts++;
            n.nextAttemptAt = null;
            n.lastError = null;
            return notifier.delivered(n, status(n));
        }).collect().last().replaceWithVoid();
    }

    private Uni<Void> failedAll(List<Notification> batch, Instant now, Throwable failure) {
        failed.increment();
        for (var n : batch) {
            n.attempts++;
            n.lastError = shorten(failure.toString());
            if (n.attempts >= config.email().maxAttempts()) {
                n.status = Notification.Status.DEAD;
                n.nextAttemptAt = null;
                dead.increment();
                LOG.errorf("E-mail %s to %s is dead after %d attempts: %s", n.id, n.email, n.attempts, failure);
            } else {
                n.status = Notification.Status.FAILED;
                n.nextAttemptAt = now.plus(backoffFor(n.attempts));
                LOG.warnf("E-mail %s to %s failed (attempt %d), retried at %s: %s", n.id, n.email, n.attempts,
                        n.nextAttemptAt, failure);
            }
        }
        return Uni.createFrom().voidItem();
    }

    /** Back-off before retry number {@code attempts}: doubling from the first, capped, ±10% jitter. */
    public Duration backoffFor(int attempts) {
        var base = config.email().firstBackoff().toMillis() << Math.min(attempts - 1, 20);
        var capped = Math.min(base, config.email().maxBackoff().toMillis());
        var jitter = ThreadLocalRandom.current().nextLong(capped / 5 + 1);
        return Duration.ofMillis(capped - capped / 10 + jitter);
    }

    private Mail compose(String address, List<Notification> batch) throws IOException {
        var unsubscribe = config.publicUrl() + "/api/public/unsubscribe?token="
                + URLEncoder.encode(tokens.sign("unsubscribe", address), StandardCharsets.UTF_8);
        Mail mail;
        if (batch.size() == 1 && batch.getFirst().kind == Kind.STORIES) {
            var n = batch.getFirst();
            var values = Map.<String, Object>of("title", n.title, "stories", details(n), "unsubscribe", unsubscribe);
            mail = Mail.withText(address, n.title, storiesText.data(values).render()).setHtml(stories.data(values).render());
        } else if (batch.size() == 1) {
            var n = batch.getFirst();
            var values = templateValues(n);
            values.put("unsubscribe", unsubscribe);
            mail = Mail.withText(address, n.title, singleText.data(values).render())
                    .setHtml(single.data(values).render());
            // a reply to it continues the action's thread (feedback-service's mailbox)
            var messageId = n.actionId == null ? Optional.<String>empty() : replies.messageId(n.actionId, n.id, host);
            if (messageId.isPresent()) {
                mail.addHeader("Message-ID", messageId.get());
            }
        } else {
            var items = batch.stream().map(this::templateValues).toList();
            var values = Map.of("items", items, "unsubscribe", unsubscribe);
            mail = Mail.withText(address, "Feedback Loop: " + batch.size() + " updates for you",
                    digestText.data(values).render()).setHtml(digest.data(values).render());
        }
        return mail.addHeader("List-Unsubscribe", "<" + unsubscribe + ">")
                .addHeader("List-Unsubscribe-Post", "List-Unsubscribe=One-Click")
                .addHeader("X-Feedbackloop-Notification",
                        String.join(",", batch.stream().map(n -> n.id.toString()).toList()));
    }

    /** Plain values for the templates: title, body, and the details (quote, publicNote, status, action...). */
    private Map<String, Object> templateValues(Notification n) {
        var values = new java.util.HashMap<String, Object>(data(n));
        values.put("title", n.title);
        values.put("body", n.body);
        values.put("kind", n.kind.name());
        return values;
    }

    private Map<String, Object> data(Notification n) {
        try {
            JsonNode node = json.readTree(n.data == null ? "{}" : n.data);
            var values = new java.util.HashMap<String, Object>();
            node.fields().forEachRemaining(field -> values.put(field.getKey(), field.getValue().isTextual()
                    ? field.getValue().asText() : field.getValue().toString()));
            return values;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The details as nested maps and lists, for a template that walks them (the weekly stories). */
    private Map<String, Object> details(Notification n) throws IOException {
        return json.readValue(n.data == null ? "{}" : n.data, new TypeReference<Map<String, Object>>() {
        });
    }

    private static String shorten(String error) {
        return error.length() <= MAX_ERROR_LENGTH ? error : error.substring(0, MAX_ERROR_LENGTH - 1) + "…";
    }

    private String status(Notification n) {
        var value = data(n).get("status");
        return value == null ? null : value.toString();
    }
}
