package org.feedbackloop.notification.surveys;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.feedbackloop.events.EventTypes;
import org.feedbackloop.events.SurveyAnswered;
import org.feedbackloop.kit.outbox.OutboxWriter;
import org.feedbackloop.kit.problem.ProblemException;
import org.feedbackloop.kit.problem.ProblemType;
import org.feedbackloop.notification.api.problem.NotificationProblem;
import org.feedbackloop.notification.config.NotificationConfig;
import org.feedbackloop.notification.domain.Audience;
import org.feedbackloop.notification.domain.EmailSuppression;
import org.feedbackloop.notification.domain.Kind;
import org.feedbackloop.notification.domain.Message;
import org.feedbackloop.notification.domain.Notification;
import org.feedbackloop.notification.domain.Notifier;
import org.feedbackloop.notification.email.EmailDispatcher;
import org.feedbackloop.notification.inbox.LiveStream;
import org.feedbackloop.notification.security.Recipients;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * Surveys: question sets sent by invitation (an e-mail, and the inbox of a customer named), answered once each
 * through the signed link within its time, the answer announced ({@code notification.survey-answered}) for
 * feedback-service to make it feedback with channel SURVEY.
 */
@ApplicationScoped
public class Surveys {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH).withZone(ZoneOffset.UTC);

    private final SurveyLinks links;
    private final Notifier notifier;
    private final OutboxWriter outbox;
    private final LiveStream live;
    private final EmailDispatcher email;
    private final Clock clock;
    private final Duration triggerDelay;

    Surveys(SurveyLinks links, Notifier notifier, OutboxWriter outbox, LiveStream live, EmailDispatcher email, Clock clock,
            NotificationConfig config) {
        this.triggerDelay = config.surveys().triggerDelay();
        this.links = links;
        this.notifier = notifier;
        this.outbox = outbox;
        this.live = live;
        this.email = email;
        this.clock = clock;
    }

    Uni<SurveyViews.SurveyView> create(SurveyRequests.NewSurvey input, String createdBy) {
        var survey = new Survey();
        survey.id = UUID.randomUUID();
        survey.name = input.name().strip();
        survey.scale = input.scale();
        survey.question = input.question() != null && !input.question().isBlank() ? input.question().strip()
                : Survey.NPS.equals(input.scale()) ? "How likely are you to recommend us to a friend or colleague?"
                : "How satisfied are you with " + lowerFirst(survey.name) + "?";
        survey.topic = input.topic();
        survey.validForDays = input.validForDays() == null ? SurveyRequests.DEFAULT_VALID_DAYS : input.validForDays();
        survey.trigger = input.trigger();
        survey.createdBy = createdBy;
        survey.createdAt = now();
        return Panache.withTransaction(() -> Panache.getSession().flatMap(session -> session.persist(survey)))
                .replaceWith(SurveyViews.SurveyView.of(survey, 0, 0));
    }

    /** The newest surveys with how many were asked and how many answered. */
    Uni<List<SurveyViews.SurveyView>> newest(int limit) {
        return Panache.withSession(() -> Panache.getSession().flatMap(session -> session.createQuery(
                        "from Survey order by createdAt desc, id desc", Survey.class).setMaxResults(limit).getResultList()
                .flatMap(surveys -> surveys.isEmpty() ? Uni.createFrom().item(List.<SurveyViews.SurveyView>of())
                        : counts(surveys.stream().map(s -> s.id).toList()).map(counts -> surveys.stream()
                        .map(s -> view(s, counts)).toList()))));
    }

    Uni<SurveyViews.SurveyView> find(UUID id) {
        return Panache.withSession(() -> Panache.getSession().flatMap(session -> session.find(Survey.class, id))
                .flatMap(survey -> survey == null ? Uni.createFrom().<SurveyViews.SurveyView>nullItem()
                        : counts(List.of(id)).map(counts -> view(survey, counts))))
                .onItem().ifNull().failWith(() -> ProblemException.of(ProblemType.NOT_FOUND, "No survey " + id));
    }

    /**
     * Asks each recipient the survey, once: an address it asked before is left alone. Each new invitation is a
     * notification (e-mail, and the inbox of a customer named), so unsubscribed and bounced addresses hear nothing.
     */
    Uni<SurveyViews.InvitationsResult> invite(UUID surveyId, List<SurveyRequests.Recipient> recipients) {
        var created = new ArrayList<Notification>();
        return Panache.withTransaction(() -> Panache.getSession().flatMap(session -> session.find(Survey.class, surveyId))
                        .onItem().ifNull().failWith(() -> ProblemException.of(ProblemType.NOT_FOUND, "No survey " + surveyId))
                        .flatMap(survey -> ask(survey, recipients, created, Duration.ZERO))
                        .map(fresh -> new SurveyViews.InvitationsResult(fresh, recipients.size() - fresh)))
                .invoke(result -> {
                    notifier.committed();
                    live.publish(created);
                    email.wakeUpIfDue(created);
                });
    }

    /**
     * The surveys asked by themselves after an event of this routing key, put to these people, in the caller's
     * transaction (the event's); returns the notifications created, for the caller to announce once committed. The
     * e-mail waits {@code SURVEY_TRIGGER_DELAY}, so that the news the event brought arrives alone.
     */
    public Uni<List<Notification>> triggered(String routingKey, List<SurveyRequests.Recipient> recipients) {
        if (recipients.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        var created = new ArrayList<Notification>();
        return Panache.getSession().flatMap(session -> session.createNativeQuery(
                        "select * from survey where trigger = :key order by created_at", Survey.class)
                        .setParameter("key", routingKey).getResultList())
                .flatMap(surveys -> Multi.createFrom().iterable(surveys)
                        .onItem().transformToUniAndConcatenate(survey -> ask(survey, recipients, created, triggerDelay))
                        .collect().asList())
                .map(done -> created);
    }

    /**
     * Invites those the survey has not asked yet, in the caller's transaction, the e-mail after {@code delay};
     * returns how many.
     */
    private Uni<Integer> ask(Survey survey, List<SurveyRequests.Recipient> recipients, List<Notification> created,
                             Duration delay) {
        var now = now();
        return alreadyAsked(survey.id).flatMap(asked -> {
            var seen = new HashSet<>(asked);
            var fresh = new ArrayList<SurveyInvitation>();
            for (var recipient : recipients) {
                var email = recipient.email().strip().toLowerCase(Locale.ROOT);
                // an erased person's invitation is kept with the address's hash: it was asked all the same
                if (!seen.contains(EmailSuppression.hashed(email)) && seen.add(email)) {
                    fresh.add(invitation(survey, email, recipient.customerId(), now));
                }
            }
            return Multi.createFrom().iterable(fresh)
                    .onItem().transformToUniAndConcatenate(invitation -> Panache.getSession()
                            .flatMap(session -> session.persist(invitation))
                            .flatMap(nothing -> tell(survey, invitation, delay)).invoke(created::addAll))
                    .collect().asList()
                    .map(done -> fresh.size());
        });
    }

    /** What the answer page asks, for a link that is still open. */
    public Uni<SurveyViews.Question> question(String token) {
        var invitationId = invitationOf(token);
        return Panache.withSession(() -> open(invitationId).map(found -> new SurveyViews.Question(found.survey().name,
                found.survey().question, SurveyViews.REASON_QUESTION, found.survey().scale, found.survey().lowest(),
                found.survey().highest(), found.invitation().expiresAt)));
    }

    /** Records the one answer of an invitation and announces it; a second answer, or a late one, is refused. */
    public Uni<Void> answer(String token, SurveyRequests.Answer answer) {
        var invitationId = invitationOf(token);
        var now = now();
        return Panache.withTransaction(() -> open(invitationId).flatMap(found -> {
                    var survey = found.survey();
                    if (answer.score() < survey.lowest() || answer.score() > survey.highest()) {
                        return Uni.createFrom().failure(ProblemException.invalid("score",
                                "must be from %d to %d".formatted(survey.lowest(), survey.highest())));
                    }
                    var reason = answer.reason() == null || answer.reason().isBlank() ? null : answer.reason().strip();
                    return Panache.getSession().flatMap(session -> session.createNativeQuery("""
                                    update survey_invitation set answered_at = :now, score = :score, reason = :reason
                                    where id = :id and answered_at is null""")
                                    .setParameter("now", now).setParameter("score", answer.score())
                                    .setParameter("reason", reason).setParameter("id", invitationId)
                                    .executeUpdate())
                            .flatMap(updated -> updated == 0 ? Uni.createFrom().failure(alreadyAnswered())
                                    : outbox.add(EventTypes.NOTIFICATION_SURVEY_ANSWERED, survey.id.toString(),
                                    new SurveyAnswered(survey.id, survey.name, invitationId, found.invitation().contributorId,
                                            found.invitation().email, survey.scale, answer.score(), reason, survey.topic, now)))
                            .replaceWithVoid();
                }))
                .invoke(outbox::committed);
    }

    private record Found(Survey survey, SurveyInvitation invitation) {
    }

    /** The invitation and its survey, when the invitation may still be answered. */
    private Uni<Found> open(UUID invitationId) {
        return Panache.getSession().flatMap(session -> session.find(SurveyInvitation.class, invitationId)
                .onItem().ifNull().failWith(Surveys::unknownLink)
                .flatMap(invitation -> {
                    if (invitation.answeredAt != null) {
                        return Uni.createFrom().failure(alreadyAnswered());
                    }
                    if (!invitation.expiresAt.isAfter(clock.instant())) {
                        return Uni.createFrom().failure(ProblemException.of(NotificationProblem.LINK_EXPIRED,
                                "This survey closed on " + DAY.format(invitation.expiresAt) + ": thank you all the same"));
                    }
                    return session.find(Survey.class, invitation.surveyId).map(survey -> new Found(survey, invitation));
                }));
    }

    private UUID invitationOf(String token) {
        return links.invitation(token).orElseThrow(Surveys::unknownLink);
    }

    private static ProblemException unknownLink() {
        return ProblemException.of(ProblemType.NOT_FOUND, "This is not a survey link of ours: it may have been cut or changed");
    }

    private static ProblemException alreadyAnswered() {
        return ProblemException.of(ProblemType.CONFLICT, "This survey was answered with this link already: one answer each");
    }

    private Uni<List<Notification>> tell(Survey survey, SurveyInvitation invitation, Duration delay) {
        var audience = invitation.contributorId != null
                ? new Audience(Recipients.user(invitation.contributorId), invitation.contributorId, invitation.email, true)
                : new Audience(Recipients.email(invitation.email), null, invitation.email, false);
        var body = "%s It takes a few seconds: a score, and a sentence if you like. The link works until %s."
                .formatted(survey.question, DAY.format(invitation.expiresAt));
        var source = UUID.nameUUIDFromBytes(("survey-invitation:" + invitation.id).getBytes(StandardCharsets.UTF_8));
        return notifier.notify(source, audience, new Message(Kind.SURVEY_INVITATION, "A quick question: " + survey.name,
                body, null, List.of(), null, Map.of("surveyLink", links.link(invitation.id), "survey", survey.name)), delay);
    }

    private SurveyInvitation invitation(Survey survey, String email, String customerId, Instant now) {
        var invitation = new SurveyInvitation();
        invitation.id = UUID.randomUUID();
        invitation.surveyId = survey.id;
        invitation.email = email;
        invitation.contributorId = customerId == null || customerId.isBlank() ? null : customerId.strip();
        invitation.invitedAt = now;
        invitation.expiresAt = now.plus(Duration.ofDays(survey.validForDays));
        return invitation;
    }

    private Uni<List<String>> alreadyAsked(UUID surveyId) {
        return Panache.getSession().flatMap(session -> session.createNativeQuery(
                        "select email from survey_invitation where survey_id = :survey", String.class)
                .setParameter("survey", surveyId).getResultList());
    }

    /** Invited and answered, per survey. */
    private Uni<Map<UUID, long[]>> counts(List<UUID> surveyIds) {
        return Panache.getSession().flatMap(session -> session.createNativeQuery("""
                        select survey_id, count(*), count(answered_at) from survey_invitation
                        where survey_id in (:ids) group by survey_id""", Object[].class)
                .setParameter("ids", surveyIds).getResultList())
                .map(rows -> {
                    var counts = new java.util.HashMap<UUID, long[]>();
                    for (var row : rows) {
                        counts.put((UUID) row[0], new long[]{((Number) row[1]).longValue(), ((Number) row[2]).longValue()});
                    }
                    return counts;
                });
    }

    private static SurveyViews.SurveyView view(Survey survey, Map<UUID, long[]> counts) {
        var count = counts.getOrDefault(survey.id, new long[]{0, 0});
        return SurveyViews.SurveyView.of(survey, count[0], count[1]);
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    private static String lowerFirst(String text) {
        return text.isEmpty() ? text : Character.toLowerCase(text.charAt(0)) + text.substring(1);
    }
}
