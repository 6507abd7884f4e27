package org.feedbackloop.gateway.web.console;

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
import org.feedbackloop.gateway.upstream.UpstreamReply;
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

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.UUID;

/**
 * One action: its history and the contributors' words, and the changes an owner makes (transition with internal
 * and public note, assign to me, due date), each sent with If-Match: the version the page showed.
 */
@Path("/console/actions/{id}")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed({Viewer.OWNER, Viewer.MANAGER, Viewer.ADMIN})
@CsrfProtected
public class ActionResource {

    @CheckedTemplate(basePath = "web/console")
    static class Templates {
        static native TemplateInstance action(PageContext ctx, Actions.Detail detail, ActionForms forms,
                                              PublicNotePreview preview);

        static native TemplateInstance preview(PublicNotePreview preview);

        static native TemplateInstance similar(PageContext ctx, UUID actionId, int version, Similar similar);

        static native TemplateInstance missing(PageContext ctx, ProblemMessage problem);
    }

    private final Pages pages;
    private final Actions actions;
    private final PublicNotePreviews previews;

    ActionResource(Pages pages, Actions actions, PublicNotePreviews previews) {
        this.pages = pages;
        this.actions = actions;
        this.previews = previews;
    }

    @GET
    public Uni<Response> page(@RestPath String id, @RestQuery String notice) {
        return pages.context("console", notice).flatMap(ctx -> render(ctx, id, ActionForms.empty(), 200));
    }

    @POST
    @Path("transitions")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Uni<Response> transition(@RestPath String id, @RestForm String version, @RestForm String to,
                                    @RestForm String note, @RestForm String publicNote, @RestForm String publicTitle) {
        var forms = new ActionForms(to, note, publicNote, publicTitle, null, null, "transition", null);
        if (to == null || to.isBlank()) {
            return failed(id, forms, new ProblemMessage(400, "Please choose the next step.", "Pick one of the options.", List.of()));
        }
        return change(id, version, forms, Notice.ACTION_MOVED,
                (viewer, action) -> actions.transition(viewer.accessToken(), action, parse(version), to, note, publicNote,
                        publicTitle));
    }

    @POST
    @Path("assignment")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Uni<Response> assign(@RestPath String id, @RestForm String version, @RestForm String take) {
        var forms = new ActionForms(null, null, null, null, null, null, "owner", null);
        var release = "release".equals(take);
        return change(id, version, forms, release ? Notice.RELEASED : Notice.ASSIGNED, (viewer, action) -> release
                ? actions.assign(viewer.accessToken(), action, parse(version), null, null)
                : actions.assign(viewer.accessToken(), action, parse(version), viewer.subject(), viewer.username()));
    }

    @POST
    @Path("due")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Uni<Response> reschedule(@RestPath String id, @RestForm String version, @RestForm String dueDate,
                                    @RestForm String reason) {
        var forms = new ActionForms(null, null, null, null, dueDate, reason, "due", null);
        String dueAt;
        try {
            // the end of the chosen day, UTC: "due by 3 March" means by the end of it
            dueAt = LocalDate.parse(dueDate == null ? "" : dueDate).plusDays(1).atStartOfDay(ZoneOffset.UTC)
                    .toInstant().minusSeconds(1).toString();
        } catch (DateTimeParseException e) {
            return failed(id, forms, new ProblemMessage(400, "Please give the new due date.", "Use the date field.", List.of()));
        }
        return change(id, version, forms, Notice.DUE_CHANGED,
                (viewer, action) -> actions.reschedule(viewer.accessToken(), action, parse(version), dueAt, reason));
    }

    /** Open actions and feedback near this action in meaning (htmx, loaded after the page). */
    @GET
    @Path("similar")
    public Uni<Response> similar(@RestPath String id, @RestQuery String version) {
        var actionId = uuid(id);
        if (actionId == null) {
            return Uni.createFrom().item(Response.status(404).build());
        }
        return pages.context("console", null).flatMap(ctx -> actions.similar(ctx.viewer().accessToken(), actionId)
                .map(similar -> Response.ok(Templates.similar(ctx, actionId, parse(version), similar)).build()));
    }

    /** "Merge this action into that one": this action's feedback and votes move there, and it ends as merged. */
    @POST
    @Path("merge")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Uni<Response> merge(@RestPath String id, @RestForm String version, @RestForm String into) {
        var forms = new ActionForms(null, null, null, null, null, null, "similar", null);
        var target = uuid(into);
        if (target == null) {
            return failed(id, forms, new ProblemMessage(400, "Please choose the action to merge into.", null, List.of()));
        }
        return pages.viewer().flatMap(viewer -> {
            var actionId = uuid(id);
            if (actionId == null || parse(version) < 0) {
                return failed(id, forms, ProblemMessage.of(428, null));
            }
            return actions.merge(viewer.accessToken(), actionId, parse(version), target).flatMap(response -> response.ok()
                    ? Uni.createFrom().item(Pages.seeOther("/console/actions/" + target, Notice.MERGED))
                    : failed(id, forms, ProblemMessage.of(response)));
        });
    }

    /** "Link it here": feedback of another (open) action moves to this one. */
    @POST
    @Path("links")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Uni<Response> link(@RestPath String id, @RestForm String version, @RestForm String feedbackId) {
        var forms = new ActionForms(null, null, null, null, null, null, "similar", null);
        var feedback = uuid(feedbackId);
        if (feedback == null) {
            return failed(id, forms, new ProblemMessage(400, "Please choose the feedback to link.", null, List.of()));
        }
        return change(id, version, forms, Notice.LINKED,
                (viewer, action) -> actions.link(viewer.accessToken(), action, parse(version), feedback));
    }

    /** The live preview of the public note beside the transition form (htmx, on every pause in typing). */
    @POST
    @Path("preview")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Uni<TemplateInstance> preview(@RestForm String to, @RestForm String title, @RestForm String publicNote,
                                         @RestForm String publicTitle, @RestForm String quote) {
        var shownTitle = publicTitle == null || publicTitle.isBlank() ? title : publicTitle.strip();
        return pages.viewer().flatMap(viewer -> previews.of(viewer.accessToken(), to, shownTitle, publicNote, quote))
                .map(Templates::preview);
    }

    private interface Change {
        Uni<UpstreamReply> apply(Viewer viewer, UUID action);
    }

    private Uni<Response> change(String id, String version, ActionForms forms, Notice notice, Change change) {
        var actionId = uuid(id);
        if (actionId == null || parse(version) < 0) {
            return failed(id, forms, ProblemMessage.of(428, null));
        }
        return pages.viewer().flatMap(viewer -> change.apply(viewer, actionId).flatMap(response -> {
            if (response.ok()) {
                return Uni.createFrom().item(Pages.seeOther("/console/actions/" + actionId, notice));
            }
            var withProblem = new ActionForms(forms.to(), forms.note(), forms.publicNote(), forms.publicTitle(),
                    forms.dueDate(), forms.reason(), forms.section(), ProblemMessage.of(response));
            return render(pages.context(viewer, "console", null), id, withProblem,
                    response.unavailable() ? 503 : response.status());
        }));
    }

    private Uni<Response> failed(String id, ActionForms forms, ProblemMessage problem) {
        var withProblem = new ActionForms(forms.to(), forms.note(), forms.publicNote(), forms.publicTitle(), forms.dueDate(),
                forms.reason(), forms.section(), problem);
        return pages.context("console", null).flatMap(ctx -> render(ctx, id, withProblem, problem.status()));
    }

    private Uni<Response> render(PageContext ctx, String id, ActionForms forms, int status) {
        var actionId = uuid(id);
        if (actionId == null) {
            return Uni.createFrom().item(Response.status(404).entity(Templates.missing(ctx, ProblemMessage.of(404, null))).build());
        }
        return actions.detail(ctx.viewer().accessToken(), actionId).flatMap(detail -> {
            if (detail.action() == null) {
                return Uni.createFrom().item(
                        Response.status(detail.problem().status()).entity(Templates.missing(ctx, detail.problem())).build());
            }
            var to = forms.to() != null ? forms.to() : detail.action().nextStatuses().stream().findFirst().orElse("");
            var shown = new ActionForms(to, forms.note(), forms.publicNote(), forms.publicTitle(), forms.dueDate(),
                    forms.reason(), forms.section(), forms.problem());
            var words = detail.feedback().isEmpty() ? null : detail.feedback().getFirst().text();
            var title = forms.publicTitle() == null || forms.publicTitle().isBlank() ? detail.action().customerTitle()
                    : forms.publicTitle().strip();
            return previews.of(ctx.viewer().accessToken(), to, title, forms.publicNote(), words)
                    .map(preview -> Response.status(status).entity(Templates.action(ctx, detail, shown, preview)).build());
        });
    }

    private static int parse(String version) {
        try {
            return Integer.parseInt(version == null ? "" : version.strip());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static UUID uuid(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }


    @ServerExceptionMapper
    Response notForThisRole(ForbiddenException e) {
        return Pages.forbidden();
    }
}
