package org.feedbackloop.feedback.followup;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.feedbackloop.events.FollowUpAnswered;
import org.feedbackloop.feedback.analysis.SentimentAnalyzer;
import org.feedbackloop.feedback.analysis.SentimentLabel;
import org.feedbackloop.feedback.domain.Feedback;
import org.feedbackloop.feedback.domain.FeedbackRepository;
import org.feedbackloop.feedback.domain.FeedbackStatus;
import org.feedbackloop.feedback.domain.RatingScale;
import org.feedbackloop.feedback.domain.TopicSource;
import org.feedbackloop.feedback.understanding.AnalysisWorker;
import org.feedbackloop.kit.inbox.ProcessedEvents;

import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/**
 * Records a contributor's answer to "did this solve it?" as new feedback of the action it follows up (CSAT 5
 * for yes, 1 for no), from the same person, announced as {@code feedback.received} like any other. One answer
 * per original item: the idempotency key is the original item.
 */
@ApplicationScoped
public class FollowUps {

    static final String CONSUMER = "follow-ups";
    static final String SUBMITTER = "system:follow-up";

    private final ProcessedEvents processed;
    private final FeedbackRepository feedback;
    private final SentimentAnalyzer sentiment;
    private final AnalysisWorker analysis;
    private final Clock clock = Clock.systemUTC();

    FollowUps(ProcessedEvents processed, FeedbackRepository feedback, SentimentAnalyzer sentiment, AnalysisWorker analysis) {
        this.processed = processed;
        this.feedback = feedback;
        this.sentiment = sentiment;
        this.analysis = analysis;
    }

    public Uni<Boolean> answered(UUID eventId, FollowUpAnswered answer) {
        var key = "follow-up:" + answer.feedbackId();
        return Panache.withTransaction(() -> processed.firstTime(CONSUMER, eventId).flatMap(first -> !first
                        ? Uni.createFrom().item(false)
                        : feedback.findByIdempotencyKey(SUBMITTER, key).flatMap(existing -> existing != null
                        ? Uni.createFrom().item(false)
                        : feedback.findById(answer.feedbackId()).flatMap(original -> original == null
                        ? Uni.createFrom().item(false) // erased meanwhile
                        : record(original, answer, key)))))
                .invoke(created -> {
                    if (created) {
                        analysis.wakeUp();
                    }
                });
    }

    private Uni<Boolean> record(Feedback original, FollowUpAnswered answer, String key) {
        var now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        var item = new Feedback();
        item.id = UUID.randomUUID();
        item.text = (answer.solved() ? "Yes, this solved it" : "No, this did not solve it")
                + " (follow-up on \"" + answer.actionTitle() + "\")";
        item.channel = org.feedbackloop.feedback.domain.Channel.EMAIL;
        item.ratingScale = RatingScale.CSAT;
        item.ratingScore = answer.solved() ? 5 : 1;
        item.topic = original.topic;
        item.topicSource = TopicSource.PROVIDED;
        item.sentiment = Math.round(sentiment.score(item.text) * 1000) / 1000.0;
        item.sentimentLabel = SentimentLabel.of(item.sentiment).name();
        item.status = FeedbackStatus.RECEIVED;
        item.followUpOfAction = answer.actionId();
        item.contributorId = original.contributorId;
        item.submittedBy = SUBMITTER;
        item.contactEmail = original.contactEmail;
        item.consentToContact = original.consentToContact;
        item.idempotencyKey = key;
        item.requestHash = key;
        item.createdAt = now;
        item.updatedAt = now;
        return feedback.persist(item)
                .replaceWith(true);
    }
}
