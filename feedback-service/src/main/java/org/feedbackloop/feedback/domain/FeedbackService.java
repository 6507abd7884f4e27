package org.feedbackloop.feedback.domain;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.opentelemetry.instrumentation.annotations.WithSpan;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import io.vertx.pgclient.PgException;
import jakarta.enterprise.context.ApplicationScoped;
import org.feedbackloop.feedback.analysis.SentimentAnalyzer;
import org.feedbackloop.feedback.analysis.SentimentLabel;
import org.feedbackloop.feedback.security.Caller;
import org.feedbackloop.feedback.taxonomy.TopicCatalog;
import org.feedbackloop.feedback.understanding.AnalysisWorker;
import org.feedbackloop.kit.outbox.OutboxWriter;
import org.hibernate.JDBCException;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

/**
 * Captures feedback (a first analysis, idempotency) and reads it back for those allowed to see it. The sentence
 * model reads each new item right after, off the request path ({@link AnalysisWorker}), and announces it.
 */
@ApplicationScoped
public class FeedbackService {

    private static final String UNIQUE_VIOLATION = "23505";

    private final FeedbackRepository repository;
    private final TopicCatalog topics;
    private final SentimentAnalyzer sentiment;
    private final AnalysisWorker analysis;
    private final CustomerAddresses addresses;
    private final MeterRegistry metrics;
    private final Counter replays;

    FeedbackService(FeedbackRepository repository, TopicCatalog topics, SentimentAnalyzer sentiment,
                    AnalysisWorker analysis, CustomerAddresses addresses, MeterRegistry metrics) {
        this.repository = repository;
        this.addresses = addresses;
        this.topics = topics;
        this.sentiment = sentiment;
        this.analysis = analysis;
        this.metrics = metrics;
        this.replays = Counter.builder("feedback.idempotent.replays")
                .description("Submissions answered from an earlier request with the same Idempotency-Key")
                .register(metrics);
    }

    /**
     * Stores the feedback with a first answer for its topic and sentiment (keywords and the lexicon), and wakes
     * the analysis, which reads it with the sentence model and announces it ({@code feedback.received}). With an
     * Idempotency-Key, a repeated request returns the first result; two racing requests with the same key meet
     * at the unique index, and the loser replays the winner's result.
     */
    @WithSpan("feedback.submit")
    public Uni<Submission> submit(Caller caller, NewFeedback input, Idempotency idempotency) {
        return Panache.withTransaction(() -> attempt(caller, input, idempotency))
                .onFailure(FeedbackService::isUniqueViolation)
                .recoverWithUni(() -> Panache.withTransaction(() -> attempt(caller, input, idempotency)))
                .invoke(submission -> {
                    if (submission.replayed()) {
                        replays.increment();
                    } else {
                        analysis.wakeUp();
                        metrics.counter("feedback.submitted", "channel", submission.feedback().channel.name()).increment();
                    }
                });
    }

    @WithSession
    public Uni<Feedback> find(Caller caller, UUID id) {
        return repository.findVisible(id, visibleContributor(caller))
                .onItem().ifNull().failWith(() -> new FeedbackNotFoundException(id));
    }

    /** One page, newest first; customers only ever see their own items. Returns up to {@code limit + 1} items. */
    @WithSession
    public Uni<List<Feedback>> page(Caller caller, FeedbackQuery query) {
        return repository.page(new FeedbackQuery(visibleContributor(caller), query.status(), query.topic(),
                query.channel(), query.from(), query.to(), query.text(), query.after(), query.limit()));
    }

    private Uni<Submission> attempt(Caller caller, NewFeedback input, Idempotency idempotency) {
        var earlier = idempotency == null
                ? Uni.createFrom().<Feedback>nullItem()
                : repository.findByIdempotencyKey(caller.subject(), idempotency.key());
        return earlier.flatMap(found -> {
            if (found != null) {
                return found.requestHash.equals(idempotency.requestHash())
                        ? Uni.createFrom().item(new Submission(found, true))
                        : Uni.createFrom().failure(new IdempotencyKeyReusedException());
            }
            return topics.snapshot().flatMap(taxonomy -> {
                if (input.topic() != null && !taxonomy.knows(input.topic())) {
                    return Uni.createFrom().failure(new UnknownTopicException(taxonomy.names()));
                }
                var feedback = capture(caller, input, idempotency, taxonomy);
                return repository.persist(feedback)
                        .call(stored -> caller.isCustomer() && caller.emailVerified() && caller.email() != null
                                ? addresses.remember(caller.email(), caller.subject()) : Uni.createFrom().voidItem())
                        .map(stored -> new Submission(stored, false));
            });
        });
    }

    private Feedback capture(Caller caller, NewFeedback input, Idempotency idempotency, TopicCatalog.Snapshot taxonomy) {
        var feedback = draft(caller, input, taxonomy);
        if (idempotency != null) {
            feedback.idempotencyKey = idempotency.key();
            feedback.requestHash = idempotency.requestHash();
        }
        return feedback;
    }

    /**
     * A new item as a submission stores it, with its first answer for topic and sentiment, not yet stored: for
     * imports, which store many in one transaction. The topic, when given, must be one the taxonomy knows.
     */
    public Feedback draft(Caller caller, NewFeedback input, TopicCatalog.Snapshot taxonomy) {
        var now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        var feedback = new Feedback();
        feedback.id = UUID.randomUUID();
        feedback.text = input.text();
        feedback.channel = input.channel();
        feedback.ratingScale = input.ratingScale();
        feedback.ratingScore = input.ratingScore();
        if (input.topic() != null) {
            feedback.topic = input.topic();
            feedback.topicSource = TopicSource.PROVIDED;
        } else {
            feedback.topic = taxonomy.classify(input.text());
            feedback.topicSource = TopicCatalog.FALLBACK.equals(feedback.topic) ? TopicSource.FALLBACK : TopicSource.CLASSIFIED;
        }
        feedback.sentiment = Math.round(sentiment.score(input.text()) * 1000) / 1000.0;
        feedback.sentimentLabel = SentimentLabel.of(feedback.sentiment).name();
        feedback.traceparent = OutboxWriter.currentTraceparent();
        feedback.status = FeedbackStatus.RECEIVED;
        feedback.contributorId = caller.isCustomer() ? caller.subject() : input.contributorId();
        feedback.followUpOfAction = input.followUpOfAction();
        feedback.submittedBy = caller.subject();
        feedback.contactEmail = input.contactEmail() != null ? input.contactEmail()
                : caller.isCustomer() ? caller.email() : null;
        feedback.consentToContact = input.consentToContact();
        feedback.externalRef = input.externalRef();
        feedback.createdAt = now;
        feedback.updatedAt = now;
        return feedback;
    }

    private static String visibleContributor(Caller caller) {
        return caller.isCustomer() ? caller.subject() : null;
    }

    private static boolean isUniqueViolation(Throwable failure) {
        for (var cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof PgException pg && UNIQUE_VIOLATION.equals(pg.getSqlState())
                    || cause instanceof JDBCException jdbc && UNIQUE_VIOLATION.equals(jdbc.getSQLState())) {
                return true;
            }
        }
        return false;
    }
}
