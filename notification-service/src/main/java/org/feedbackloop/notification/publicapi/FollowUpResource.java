package org.feedbackloop.notification.publicapi;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.feedbackloop.events.EventTypes;
import org.feedbackloop.events.FollowUpAnswered;
import org.feedbackloop.kit.outbox.OutboxWriter;
import org.feedbackloop.kit.problem.Problem;
import org.feedbackloop.kit.problem.ProblemException;
import org.feedbackloop.kit.signing.Signer;
import org.feedbackloop.notification.domain.Audience;
import org.feedbackloop.notification.domain.FollowUpAnswer;
import org.feedbackloop.notification.domain.Kind;
import org.feedbackloop.notification.domain.Message;
import org.feedbackloop.notification.domain.Moments;
import org.feedbackloop.notification.domain.Notification;
import org.feedbackloop.notification.domain.Notifier;
import org.feedbackloop.notification.domain.Repositories;
import org.feedbackloop.notification.email.FollowUpLinks;
import org.feedbackloop.notification.email.LinkTokens;
import org.feedbackloop.notification.inbox.LiveStream;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * "Did this solve it?" — the one-click answer from a "you said, we did" e-mail, without a login (the signed
 * link names the feedback and the action, and when it stops working). The first answer within the link's days counts.
 * It goes back to feedback-service as new feedback of the action ({@code notification.follow-up-answered}), and a "no"
 * reaches the action's owner. After its days a link answers 410 and records nothing.
 */
@Path("/api/public/follow-up")
@Tag(name = "Public", description = "Links from e-mails that work without a login")
public class FollowUpResource {

    private static final String PAGE_START = """
            <!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Thank you</title></head>
            <body style="font-family: sans-serif; max-width: 40em; margin: 3em auto;">
            <h1>Thank you</h1><p>""";
    private static final String PAGE_END = "</p></body></html>";
    static final String SOLVED_PAGE = PAGE_START + "We are glad it is solved. Thank you for telling us." + PAGE_END;
    static final String NOT_SOLVED_PAGE = PAGE_START + "Thank you for telling us. The team that did this hears it now."
            + PAGE_END;
    static final String EXPIRED_PAGE = """
            <!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Link expired</title></head>
            <body style="font-family: sans-serif; max-width: 40em; margin: 3em auto;">
            <h1>This link has expired</h1><p>It could be used for a limited time after our e-mail, and that time is \
            over: nothing was recorded. If it is still not solved, please tell us again.</p></body></html>""";

    private final FollowUpLinks links;
    private final Repositories.Actions actions;
    private final Notifier notifier;
    private final OutboxWriter outbox;
    private final LiveStream live;
    private final Clock clock;

    FollowUpResource(FollowUpLinks links, Repositories.Actions actions, Notifier notifier, OutboxWriter outbox,
                     LiveStream live, Clock clock) {
        this.links = links;
        this.actions = actions;
        this.notifier = notifier;
        this.outbox = outbox;
        this.live = live;
        this.clock = clock;
    }

    @GET
    @PermitAll
    @Produces(MediaType.TEXT_HTML)
    @Operation(operationId = "answerFollowUp",
            summary = "Answer \"did this solve it?\" (the links in a done action's e-mail)",
            description = "Records the contributor's yes or no about the feedback and action the signed token names, "
                    + "within the days the token carries (FOLLOW_UP_VALID_DAYS after the e-mail was written, 30 by "
                    + "default): the first answer counts, goes to the action as new feedback, and a no reaches its "
                    + "owner. After those days the link answers 410 and records nothing.")
    @APIResponse(responseCode = "200", description = "Recorded (or already recorded): a short thank-you page",
            content = @Content(mediaType = MediaType.TEXT_HTML, schema = @Schema(type = SchemaType.STRING,
                    enumeration = {SOLVED_PAGE, NOT_SOLVED_PAGE})))
    @APIResponse(responseCode = "400", description = "Not a link from one of our e-mails, or no yes/no answer",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "410", description = "The link's time ran out: a short page saying so; nothing is "
            + "recorded", content = @Content(mediaType = MediaType.TEXT_HTML,
                    schema = @Schema(type = SchemaType.STRING, enumeration = EXPIRED_PAGE)))
    public Uni<Response> answer(@Parameter(description = "The signed token of the e-mail's link",
                                      schema = @Schema(type = SchemaType.STRING, maxLength = LinkTokens.MAX_LENGTH,
                                              pattern = Signer.PATTERN))
                              @QueryParam("token") String token,
                              @Parameter(schema = @Schema(type = SchemaType.STRING,
                                      enumeration = {FollowUpLinks.YES, FollowUpLinks.NO}))
                              @QueryParam("answer") String answer) {
        var question = links.read(token)
                .orElseThrow(() -> ProblemException.invalid("token", "is not a follow-up link from one of our e-mails"));
        if (!FollowUpLinks.YES.equals(answer) && !FollowUpLinks.NO.equals(answer)) {
            throw ProblemException.invalid("answer", "must be " + FollowUpLinks.YES + " or " + FollowUpLinks.NO);
        }
        boolean solved = answer.equals(FollowUpLinks.YES);
        var now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        return Panache.withTransaction(() -> expiresAt(question).flatMap(expiresAt -> {
                    if (expiresAt == null || !now.isBefore(expiresAt)) {
                        return Uni.createFrom().item(Optional.<List<Notification>>empty());
                    }
                    return Panache.getSession()
                            .flatMap(session -> session.find(FollowUpAnswer.class, question.feedbackId()))
                            .flatMap(existing -> existing != null
                                    ? Uni.createFrom().item(List.<Notification>of())
                                    : record(question, solved, now))
                            .map(Optional::of);
                }))
                .invoke(told -> told.ifPresent(notifications -> {
                    outbox.committed();
                    live.publish(notifications);
                }))
                .map(told -> told.isPresent()
                        ? Response.ok(page(solved), MediaType.TEXT_HTML_TYPE).build()
                        : Response.status(Response.Status.GONE).type(MediaType.TEXT_HTML_TYPE).entity(EXPIRED_PAGE)
                        .build());
    }

    /**
     * When the link stops working: as its token says; for a token made before tokens carried it, as long after the
     * latest "you said, we did" message about its action and feedback (the one that carried it, or a later one), and
     * null (expired) when there is none.
     */
    private Uni<Instant> expiresAt(FollowUpLinks.Question question) {
        if (question.expiresAt() != null) {
            return Uni.createFrom().item(question.expiresAt());
        }
        return Panache.getSession().flatMap(session -> session.createNativeQuery("""
                        select max(n.created_at), count(*) from notification n
                        where n.kind = 'YOU_SAID_WE_DID' and n.action_id = :action
                          and n.feedback_ids @> array[cast(:feedback as uuid)]""", Object[].class)
                .setParameter("action", question.actionId())
                .setParameter("feedback", question.feedbackId())
                .getSingleResult())
                .map(row -> row[0] == null ? null : Moments.instant(row[0]).plus(links.validFor()));
    }

    private Uni<List<Notification>> record(FollowUpLinks.Question question, boolean solved, Instant now) {
        var answer = new FollowUpAnswer();
        answer.feedbackId = question.feedbackId();
        answer.actionId = question.actionId();
        answer.solved = solved;
        answer.answeredAt = now;
        return Panache.getSession().flatMap(session -> session.persist(answer))
                .flatMap(saved -> outbox.add(EventTypes.NOTIFICATION_FOLLOW_UP_ANSWERED, question.actionId().toString(),
                        new FollowUpAnswered(question.actionId(), question.actionTitle(), question.feedbackId(), solved, now)))
                .flatMap(event -> solved ? Uni.createFrom().item(List.of()) : tellTheOwner(question, event.id()));
    }

    private Uni<List<Notification>> tellTheOwner(FollowUpLinks.Question question, UUID sourceEventId) {
        return actions.findById(question.actionId()).flatMap(action -> action == null
                ? Uni.createFrom().item(List.of())
                : notifier.notify(UUID.nameUUIDFromBytes(("follow-up:" + sourceEventId).getBytes(StandardCharsets.UTF_8)),
                Audience.staff(action.ownerId, action.team), new Message(Kind.FOLLOW_UP_NOT_SOLVED,
                        "Not solved, says a contributor: " + question.actionTitle(),
                        "A contributor of \"" + question.actionTitle() + "\" answered that the change did not solve it"
                                + " for them. Their answer is filed with the action as new feedback.",
                        question.actionId(), List.of(question.feedbackId()), action.status,
                        Map.of("action", question.actionTitle(), "team", action.team))));
    }

    private static String page(boolean solved) {
        return solved ? SOLVED_PAGE : NOT_SOLVED_PAGE;
    }
}
