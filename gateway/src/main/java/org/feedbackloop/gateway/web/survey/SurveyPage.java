package org.feedbackloop.gateway.web.survey;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpMethod;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.feedbackloop.gateway.upstream.UpstreamReply;
import org.feedbackloop.gateway.web.shared.PageContext;
import org.feedbackloop.gateway.web.shared.Pages;
import org.feedbackloop.gateway.web.shared.ProblemMessage;
import org.feedbackloop.gateway.web.shared.Service;
import org.feedbackloop.gateway.web.shared.ServiceClient;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestQuery;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * The answer page of a survey invitation: no sign-in, the link's token is the key. It asks the score (radio buttons
 * a thumb or the arrow keys can choose) and the reason, and says plainly when a link was used, ran out or is not
 * one of ours. The token rides in a hidden field, never in a cookie.
 */
@Path("/survey")
@Produces(MediaType.TEXT_HTML)
@PermitAll
public class SurveyPage {

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Question(String surveyName, String question, String reasonQuestion, String scale, int lowest,
                           int highest, Instant expiresAt) {

        public List<Integer> scores() {
            return IntStream.rangeClosed(lowest, highest).boxed().toList();
        }

        public String lowLabel() {
            return "NPS".equals(scale) ? "not at all likely" : "very dissatisfied";
        }

        public String highLabel() {
            return "NPS".equals(scale) ? "extremely likely" : "very satisfied";
        }
    }

    /** What the person entered, kept when the page comes back with a problem. */
    public record Entered(String score, String reason) {

        public boolean is(int value) {
            return String.valueOf(value).equals(score);
        }
    }

    @CheckedTemplate(basePath = "web/survey")
    static class Templates {
        static native TemplateInstance question(PageContext ctx, String token, Question question, Entered entered,
                                                ProblemMessage problem);

        static native TemplateInstance closed(PageContext ctx, String headline, String advice);

        static native TemplateInstance thanks(PageContext ctx);
    }

    private final Pages pages;
    private final ServiceClient services;

    SurveyPage(Pages pages, ServiceClient services) {
        this.pages = pages;
        this.services = services;
    }

    @GET
    public Uni<Response> ask(@RestQuery String token) {
        return pages.context("survey", null).flatMap(ctx -> token == null || token.isBlank()
                ? Uni.createFrom().item(closed(ctx, 404))
                : read(token).map(reply -> reply.ok()
                ? page(200, Templates.question(ctx, token, services.read(reply, Question.class), new Entered(null, ""), null))
                : closed(ctx, reply.status())));
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Uni<Response> answer(@RestForm String token, @RestForm String score, @RestForm String reason) {
        var entered = new Entered(score, reason == null ? "" : reason);
        return pages.context("survey", null).flatMap(ctx -> {
            if (token == null || token.isBlank()) {
                return Uni.createFrom().item(closed(ctx, 404));
            }
            Integer value = parse(score);
            if (value == null) {
                return again(ctx, token, entered, ProblemMessage.of(400, null), "Choose a score first.");
            }
            var body = new LinkedHashMap<String, Object>();
            body.put("score", value);
            body.put("reason", entered.reason().isBlank() ? null : entered.reason());
            return services.send(Service.NOTIFICATIONS, HttpMethod.POST, path(token), null, Map.of(), body).flatMap(reply -> {
                if (reply.status() == 204) {
                    return Uni.createFrom().item(page(200, Templates.thanks(ctx)));
                }
                if (reply.status() == 400) {
                    return again(ctx, token, entered, ProblemMessage.of(reply), null);
                }
                return Uni.createFrom().item(closed(ctx, reply.status()));
            });
        });
    }

    /** The form again, with what was entered and what to fix. */
    private Uni<Response> again(PageContext ctx, String token, Entered entered, ProblemMessage problem, String headline) {
        return read(token).map(reply -> reply.ok()
                ? page(400, Templates.question(ctx, token, services.read(reply, Question.class), entered,
                headline == null ? problem : new ProblemMessage(400, headline, "", List.of())))
                : closed(ctx, reply.status()));
    }

    private Uni<UpstreamReply> read(String token) {
        return services.get(Service.NOTIFICATIONS, path(token), null);
    }

    private static String path(String token) {
        return "/api/public/surveys/" + URLEncoder.encode(token, StandardCharsets.UTF_8);
    }

    private static Response closed(PageContext ctx, int status) {
        var page = switch (status) {
            case 409 -> Templates.closed(ctx, "You have answered this survey",
                    "Each invitation counts one answer, and yours is in. Thank you.");
            case 410 -> Templates.closed(ctx, "This survey has closed",
                    "The link worked for a limited time, which has passed. Thank you all the same.");
            case 404, 400 -> Templates.closed(ctx, "This link does not work",
                    "It is not a survey link of ours, or part of it was cut or changed on the way. Open it again from the e-mail.");
            default -> Templates.closed(ctx, "The survey is not available right now",
                    "Please try again in a few minutes.");
        };
        return page(status == 400 ? 404 : status >= 500 || status == 0 ? 503 : status, page);
    }

    private static Response page(int status, TemplateInstance page) {
        return Response.status(status).type("text/html;charset=UTF-8").entity(page).build();
    }

    private static Integer parse(String score) {
        if (score == null || !score.matches("\\d{1,2}")) {
            return null;
        }
        return Integer.valueOf(score);
    }
}
