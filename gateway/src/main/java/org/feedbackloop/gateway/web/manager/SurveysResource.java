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
import java.util.UUID;

/** Surveys for managers: each one's response rate, a form to define one, and a form to ask people. */
@Path("/manager/surveys")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed({Viewer.MANAGER, Viewer.ADMIN})
@CsrfProtected
public class SurveysResource {

    /** What the definition form holds, kept when it comes back with a problem. */
    public record SurveyForm(String name, String scale, String question, String topic, String days, ProblemMessage problem) {

        static SurveyForm blank() {
            return new SurveyForm("", "CSAT", "", "", "14", null);
        }

        public boolean scaleIs(String value) {
            return value.equals(scale);
        }
    }

    @CheckedTemplate(basePath = "web/manager")
    static class Templates {
        static native TemplateInstance surveys(PageContext ctx, SurveyList.Surveys surveys, SurveyForm form,
                                               ProblemMessage inviteProblem);
    }

    private final Pages pages;
    private final SurveyList surveys;

    SurveysResource(Pages pages, SurveyList surveys) {
        this.pages = pages;
        this.surveys = surveys;
    }

    @GET
    public Uni<TemplateInstance> page(@RestQuery String notice) {
        return pages.context("surveys", notice).flatMap(ctx -> render(ctx, SurveyForm.blank(), null));
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Uni<Response> create(@RestForm String name, @RestForm String scale, @RestForm String question,
                                @RestForm String topic, @RestForm String days) {
        var form = new SurveyForm(name, scale, question, topic, days, null);
        Integer validFor;
        try {
            validFor = Integer.valueOf(days == null ? "" : days.strip());
        } catch (NumberFormatException e) {
            return refused(form, new ProblemMessage(400, "Please give the days as a number from 1 to 365.", null, List.of()), null);
        }
        return pages.viewer().flatMap(viewer -> surveys.create(viewer.accessToken(), name, scale, question, topic, validFor)
                .flatMap(reply -> reply.ok()
                        ? Uni.createFrom().item(Pages.seeOther("/manager/surveys", Notice.SURVEY_CREATED))
                        : refused(form, ProblemMessage.of(reply), null)));
    }

    @POST
    @Path("{id}/invitations")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Uni<Response> invite(@RestPath String id, @RestForm String addresses) {
        UUID surveyId;
        try {
            surveyId = UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            return refused(SurveyForm.blank(), null, ProblemMessage.of(404, null));
        }
        return pages.viewer().flatMap(viewer -> surveys.invite(viewer.accessToken(), surveyId, addresses)
                .flatMap(reply -> reply.ok()
                        ? Uni.createFrom().item(Pages.seeOther("/manager/surveys", Notice.SURVEY_SENT))
                        : refused(SurveyForm.blank(), null, ProblemMessage.of(reply))));
    }

    private Uni<Response> refused(SurveyForm form, ProblemMessage formProblem, ProblemMessage inviteProblem) {
        var problem = formProblem != null ? formProblem : inviteProblem;
        var shown = new SurveyForm(form.name(), form.scale(), form.question(), form.topic(), form.days(), formProblem);
        return pages.context("surveys", null).flatMap(ctx -> render(ctx, shown, inviteProblem))
                .map(page -> Response.status(problem.status() == 0 ? 503 : problem.status()).entity(page).build());
    }

    private Uni<TemplateInstance> render(PageContext ctx, SurveyForm form, ProblemMessage inviteProblem) {
        return surveys.newest(ctx.viewer().accessToken()).map(list -> Templates.surveys(ctx, list, form, inviteProblem));
    }

    @ServerExceptionMapper
    Response notForThisRole(ForbiddenException e) {
        return Pages.forbidden();
    }
}
