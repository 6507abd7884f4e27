package org.feedbackloop.gateway.web.portal;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.ForbiddenException;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpMethod;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.feedbackloop.gateway.web.board.Board;
import org.feedbackloop.gateway.web.shared.CsrfProtected;
import org.feedbackloop.gateway.web.shared.Notice;
import org.feedbackloop.gateway.web.shared.PageContext;
import org.feedbackloop.gateway.web.shared.Pages;
import org.feedbackloop.gateway.web.shared.ProblemMessage;
import org.feedbackloop.gateway.web.shared.Service;
import org.feedbackloop.gateway.web.shared.ServiceClient;
import org.feedbackloop.gateway.web.shared.Viewer;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestQuery;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The customer portal's front page: give feedback, and add your voice to what others asked for. */
@Path("/portal")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed(Viewer.CUSTOMER)
@CsrfProtected
public class GiveFeedbackResource {

    @CheckedTemplate(basePath = "web/portal")
    static class Templates {
        static native TemplateInstance give(PageContext ctx, FeedbackForm form, List<String> problems,
                                            ProblemMessage problem, List<String> topics, Map<String, String> channels,
                                            Board.Listing open);

        static native TemplateInstance similar(PageContext ctx, Board.Listing similar);
    }

    /** Below this many characters a draft says too little to compare. */
    static final int DRAFT_MIN = 20;

    private final Pages pages;
    private final ServiceClient services;
    private final Board board;

    GiveFeedbackResource(Pages pages, ServiceClient services, Board board) {
        this.pages = pages;
        this.services = services;
        this.board = board;
    }

    @GET
    public Uni<TemplateInstance> form(@RestQuery String notice) {
        return pages.context("portal", notice).flatMap(ctx -> render(ctx, FeedbackForm.blank(), List.of(), null));
    }

    /** Posted to {@code /portal} itself: {@code /portal/feedback} is the list of what was given. */
    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Uni<Response> submit(@RestForm String text, @RestForm String channel, @RestForm String ratingScale,
                                @RestForm String npsScore, @RestForm String csatScore, @RestForm String topic,
                                @RestForm String consent, @RestForm String idempotencyKey) {
        var form = new FeedbackForm(text, channel, ratingScale, npsScore, csatScore, topic, consent != null,
                validKey(idempotencyKey));
        return pages.viewer().flatMap(viewer -> {
            var ctx = pages.context(viewer, "portal", null);
            var problems = form.problems();
            if (!problems.isEmpty()) {
                return render(ctx, form, problems, null).map(page -> Response.status(400).entity(page).build());
            }
            return services.send(Service.FEEDBACK, HttpMethod.POST, "/api/feedback", viewer.accessToken(),
                    Map.of("Idempotency-Key", form.idempotencyKey()), form.toRequest()).flatMap(response -> {
                if (response.ok()) {
                    var id = services.read(response, JsonNode.class).path("id").asText();
                    return Uni.createFrom().item(Pages.seeOther("/portal/feedback/" + id, Notice.RECEIVED));
                }
                var problem = ProblemMessage.of(response);
                // Unavailable: the item may have been stored, so a retry must reuse the key; otherwise start afresh.
                var next = response.unavailable() ? form : form.withNewKey();
                return render(ctx, next, List.of(), problem)
                        .map(page -> Response.status(response.unavailable() ? 503 : 400).entity(page).build());
            });
        });
    }

    /**
     * "Others said something like this": while the customer writes, the announced open actions their draft is
     * about, each with its "me too". A fragment for htmx; nothing is stored.
     */
    @POST
    @Path("similar")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Uni<TemplateInstance> similar(@RestForm String text) {
        var draft = text == null ? "" : text.strip();
        return pages.viewer().flatMap(viewer -> {
            var ctx = pages.context(viewer, "portal", null);
            if (draft.length() < DRAFT_MIN || draft.length() > FeedbackForm.MAX_TEXT) {
                return Uni.createFrom().item(Templates.similar(ctx, new Board.Listing(List.of(), null, null)));
            }
            return board.similarTo(draft, viewer.accessToken()).map(listing -> Templates.similar(ctx, listing));
        });
    }

    private Uni<TemplateInstance> render(PageContext ctx, FeedbackForm form, List<String> problems, ProblemMessage problem) {
        var topics = services.get(Service.FEEDBACK, "/api/feedback/topics", ctx.viewer().accessToken()).map(response -> {
            var names = new ArrayList<String>();
            if (response.ok()) {
                services.read(response, JsonNode.class).forEach(topic -> names.add(topic.path("name").asText()));
            }
            return (List<String>) names;
        });
        return Uni.combine().all().unis(topics, board.list("open", null, 5)).asTuple()
                .map(both -> Templates.give(ctx, form, problems, problem, both.getItem1(), Channels.OFFERED, both.getItem2()));
    }

    private static String validKey(String key) {
        try {
            return UUID.fromString(key == null ? "" : key).toString();
        } catch (IllegalArgumentException e) {
            return FeedbackForm.newKey();
        }
    }

    @ServerExceptionMapper
    Response notForThisRole(ForbiddenException e) {
        return Pages.forbidden();
    }
}
