package org.feedbackloop.gateway.web.manager;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.ForbiddenException;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.feedbackloop.gateway.web.shared.CsrfProtected;
import org.feedbackloop.gateway.web.shared.Notice;
import org.feedbackloop.gateway.web.shared.PageContext;
import org.feedbackloop.gateway.web.shared.Pages;
import org.feedbackloop.gateway.web.shared.ProblemMessage;
import org.feedbackloop.gateway.web.shared.Viewer;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.util.List;

/**
 * The taxonomy, managed: each topic is what it covers and a few typical sentences (feedback takes the topic it is
 * nearest to in meaning), keywords the fallback. Saving re-reads stored feedback in the background; the page shows
 * how far that got, and refreshes that part while it runs.
 */
@Path("/manager/topics")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed({Viewer.MANAGER, Viewer.ADMIN})
@CsrfProtected
public class TopicsResource {

    /** What a manager typed into one topic's form, shown again when it was refused. */
    public record TopicForm(String name, String description, String examples, String keywords, String position,
                            ProblemMessage problem) {

        static TopicForm blank() {
            return new TopicForm("", "", "", "", "10", null);
        }
    }

    @CheckedTemplate(basePath = "web/manager")
    static class Templates {
        static native TemplateInstance topics(PageContext ctx, Taxonomy.Topics topics, Taxonomy.Jobs jobs, TopicForm form);

        static native TemplateInstance reanalysis(Taxonomy.Jobs jobs);
    }

    private final Pages pages;
    private final Taxonomy taxonomy;

    TopicsResource(Pages pages, Taxonomy taxonomy) {
        this.pages = pages;
        this.taxonomy = taxonomy;
    }

    @GET
    public Uni<TemplateInstance> page(@RestQuery String notice) {
        return pages.context("topics", notice).flatMap(ctx -> render(ctx, TopicForm.blank()));
    }

    /** The re-readings' progress (htmx, every two seconds while one runs). */
    @GET
    @Path("reanalysis")
    public Uni<TemplateInstance> reanalysis() {
        return pages.viewer().flatMap(viewer -> taxonomy.jobs(viewer.accessToken()).map(Templates::reanalysis));
    }

    /** Creates or replaces a topic: the form of an existing topic, or the new-topic form. */
    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Uni<Response> save(@RestForm String name, @RestForm String description, @RestForm String examples,
                              @RestForm String keywords, @RestForm String position) {
        var topic = name == null ? "" : name.strip().toLowerCase(java.util.Locale.ROOT);
        var form = new TopicForm(topic, description, examples, keywords, position, null);
        int order;
        try {
            order = Integer.parseInt(position == null ? "" : position.strip());
        } catch (NumberFormatException e) {
            return refused(form, new ProblemMessage(400, "Please give the topic's order as a number from 0 to 1000.", null, List.of()));
        }
        if (!topic.matches("[a-z][a-z0-9-]{1,39}")) {
            return refused(form, new ProblemMessage(400, "Please name the topic with 2 to 40 lowercase letters, digits or dashes.",
                    null, List.of()));
        }
        return pages.viewer().flatMap(viewer -> taxonomy.save(viewer.accessToken(), topic, description, examples, keywords, order)
                .flatMap(response -> response.ok()
                        ? Uni.createFrom().item(Pages.seeOther("/manager/topics", Notice.TOPIC_SAVED))
                        : refused(form, ProblemMessage.of(response))));
    }

    @POST
    @Path("{name}/removal")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Uni<Response> remove(@RestPath String name) {
        return pages.viewer().flatMap(viewer -> taxonomy.remove(viewer.accessToken(), name).flatMap(response -> response.ok()
                ? Uni.createFrom().item(Pages.seeOther("/manager/topics", Notice.TOPIC_REMOVED))
                : refused(TopicForm.blank(), ProblemMessage.of(response))));
    }

    private Uni<Response> refused(TopicForm form, ProblemMessage problem) {
        var shown = new TopicForm(form.name(), form.description(), form.examples(), form.keywords(), form.position(), problem);
        return pages.context("topics", null).flatMap(ctx -> render(ctx, shown))
                .map(page -> Response.status(problem.status() == 0 ? 503 : problem.status()).entity(page).build());
    }

    private Uni<TemplateInstance> render(PageContext ctx, TopicForm form) {
        var token = ctx.viewer().accessToken();
        return Uni.combine().all().unis(taxonomy.topics(token), taxonomy.jobs(token)).asTuple()
                .map(both -> Templates.topics(ctx, both.getItem1(), both.getItem2(), form));
    }

    @ServerExceptionMapper
    Response notForThisRole(ForbiddenException e) {
        return Pages.forbidden();
    }
}
