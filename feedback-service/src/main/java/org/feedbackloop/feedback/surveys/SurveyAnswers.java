package org.feedbackloop.feedback.surveys;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.feedbackloop.events.SurveyAnswered;
import org.feedbackloop.feedback.domain.Channel;
import org.feedbackloop.feedback.domain.FeedbackRepository;
import org.feedbackloop.feedback.domain.FeedbackService;
import org.feedbackloop.feedback.domain.NewFeedback;
import org.feedbackloop.feedback.domain.RatingScale;
import org.feedbackloop.feedback.security.Caller;
import org.feedbackloop.feedback.taxonomy.TopicCatalog;
import org.feedbackloop.feedback.understanding.AnalysisWorker;
import org.feedbackloop.kit.inbox.ProcessedEvents;

import java.util.UUID;

/**
 * Records a survey answer as feedback with channel SURVEY and the rating, from the person invited (their history
 * when the invitation named a customer), announced as {@code feedback.received} like any other: a detractor's answer
 * gets the shorter clock to tell them. One item per invitation: the idempotency key is the invitation.
 */
@ApplicationScoped
public class SurveyAnswers {

    static final String CONSUMER = "survey-answers";
    static final Caller SURVEYS = new Caller("system:survey", null, false, Caller.Role.INTEGRATOR);

    private final ProcessedEvents processed;
    private final FeedbackRepository repository;
    private final FeedbackService feedback;
    private final TopicCatalog topics;
    private final AnalysisWorker analysis;

    SurveyAnswers(ProcessedEvents processed, FeedbackRepository repository, FeedbackService feedback, TopicCatalog topics,
                  AnalysisWorker analysis) {
        this.processed = processed;
        this.repository = repository;
        this.feedback = feedback;
        this.topics = topics;
        this.analysis = analysis;
    }

    public Uni<Boolean> answered(UUID eventId, SurveyAnswered answer) {
        var key = "survey:" + answer.invitationId();
        return Panache.withTransaction(() -> processed.firstTime(CONSUMER, eventId).flatMap(first -> !first
                        ? Uni.createFrom().item(false)
                        : repository.findByIdempotencyKey(SURVEYS.subject(), key).flatMap(existing -> existing != null
                        ? Uni.createFrom().item(false)
                        : record(answer, key))))
                .invoke(created -> {
                    if (created) {
                        analysis.wakeUp();
                    }
                });
    }

    private Uni<Boolean> record(SurveyAnswered answer, String key) {
        return topics.snapshot().flatMap(taxonomy -> {
            var topic = answer.topic() != null && taxonomy.knows(answer.topic()) ? answer.topic() : null;
            var input = new NewFeedback(text(answer), Channel.SURVEY, RatingScale.valueOf(answer.scale()), answer.score(),
                    topic, answer.contactEmail(), answer.contactEmail() != null, key, answer.contributorId(), null);
            var item = feedback.draft(SURVEYS, input, taxonomy);
            item.idempotencyKey = key;
            item.requestHash = key;
            return repository.persist(item).replaceWith(true);
        });
    }

    /** The person's own words when they gave a reason; otherwise what they answered. */
    static String text(SurveyAnswered answer) {
        if (answer.reason() != null && !answer.reason().isBlank()) {
            var reason = answer.reason().strip();
            return reason.length() <= NewFeedback.MAX_TEXT ? reason : reason.substring(0, NewFeedback.MAX_TEXT);
        }
        var out = "NPS".equals(answer.scale()) ? " out of 10" : " out of 5";
        return "Scored " + answer.score() + out + " in the survey \"" + answer.surveyName() + "\", no reason given";
    }
}
