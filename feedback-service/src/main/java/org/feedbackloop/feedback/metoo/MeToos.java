package org.feedbackloop.feedback.metoo;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.feedbackloop.events.ActionMeTooAdded;
import org.feedbackloop.feedback.analysis.SentimentAnalyzer;
import org.feedbackloop.feedback.analysis.SentimentLabel;
import org.feedbackloop.feedback.domain.Channel;
import org.feedbackloop.feedback.domain.Feedback;
import org.feedbackloop.feedback.domain.FeedbackRepository;
import org.feedbackloop.feedback.domain.FeedbackStatus;
import org.feedbackloop.feedback.domain.TopicSource;
import org.feedbackloop.feedback.taxonomy.TopicCatalog;
import org.feedbackloop.feedback.understanding.AnalysisWorker;
import org.feedbackloop.kit.inbox.ProcessedEvents;

import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/**
 * Records a customer's "me too" on the public board ({@code action.me-too-added}) as their feedback of that
 * action ({@code joinsAction}), announced as {@code feedback.received} like any other: they are thanked, the
 * action takes them in, and they are told what happens. One item per (action, customer): the idempotency key
 * is the pair.
 */
@ApplicationScoped
public class MeToos {

    static final String CONSUMER = "me-too";
    static final String SUBMITTER = "system:me-too";

    private final ProcessedEvents processed;
    private final FeedbackRepository feedback;
    private final TopicCatalog topics;
    private final SentimentAnalyzer sentiment;
    private final AnalysisWorker analysis;
    private final Clock clock = Clock.systemUTC();

    MeToos(ProcessedEvents processed, FeedbackRepository feedback, TopicCatalog topics, SentimentAnalyzer sentiment,
           AnalysisWorker analysis) {
        this.processed = processed;
        this.feedback = feedback;
        this.topics = topics;
        this.sentiment = sentiment;
        this.analysis = analysis;
    }

    /** Returns whether a feedback item was created. */
    public Uni<Boolean> added(UUID eventId, ActionMeTooAdded meToo) {
        var key = "me-too:" + meToo.actionId() + ":" + meToo.contributorId();
        return Panache.withTransaction(() -> processed.firstTime(CONSUMER, eventId).flatMap(first -> !first
                        ? Uni.createFrom().item(false)
                        : feedback.findByIdempotencyKey(SUBMITTER, key).flatMap(existing -> existing != null
                        ? Uni.createFrom().item(false)
                        : record(meToo, key))))
                .invoke(created -> {
                    if (created) {
                        analysis.wakeUp();
                    }
                });
    }

    private Uni<Boolean> record(ActionMeTooAdded meToo, String key) {
        var now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        var item = new Feedback();
        item.id = UUID.randomUUID();
        item.text = "Me too: " + meToo.title();
        item.channel = Channel.WEB;
        item.sentiment = Math.round(sentiment.score(item.text) * 1000) / 1000.0;
        item.sentimentLabel = SentimentLabel.of(item.sentiment).name();
        item.status = FeedbackStatus.RECEIVED;
        item.joinsAction = meToo.actionId();
        item.contributorId = meToo.contributorId();
        item.submittedBy = SUBMITTER;
        item.contactEmail = meToo.contactEmail();
        item.consentToContact = meToo.consentToContact();
        item.idempotencyKey = key;
        item.requestHash = key;
        item.createdAt = now;
        item.updatedAt = now;
        return topics.snapshot().flatMap(taxonomy -> {
            if (meToo.topic() != null && taxonomy.knows(meToo.topic())) {
                item.topic = meToo.topic();
                item.topicSource = TopicSource.PROVIDED;
            } else {
                item.topic = taxonomy.classify(item.text);
                item.topicSource = TopicCatalog.FALLBACK.equals(item.topic) ? TopicSource.FALLBACK : TopicSource.CLASSIFIED;
            }
            return feedback.persist(item)
                    .replaceWith(true);
        });
    }
}
