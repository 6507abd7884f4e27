package org.feedbackloop.gateway.web.portal;

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
import org.feedbackloop.gateway.web.shared.CsrfProtected;
import org.feedbackloop.gateway.web.shared.Notice;
import org.feedbackloop.gateway.web.shared.PageContext;
import org.feedbackloop.gateway.web.shared.Preferences;
import org.feedbackloop.gateway.web.shared.Pages;
import org.feedbackloop.gateway.web.shared.ProblemMessage;
import org.feedbackloop.gateway.web.shared.Service;
import org.feedbackloop.gateway.web.shared.ServiceClient;
import org.feedbackloop.gateway.web.shared.Viewer;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestQuery;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.util.Map;

/** How a person hears back: e-mail on or off (with a plain "unsubscribe"), the inbox, and the rhythm. */
@Path("/portal/preferences")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed(Viewer.CUSTOMER)
@CsrfProtected
public class PreferencesResource {

    private static final String PATH = "/api/me/preferences";

    @CheckedTemplate(basePath = "web/portal")
    static class Templates {
        static native TemplateInstance preferences(PageContext ctx, Preferences preferences, ProblemMessage problem);
    }

    private final Pages pages;
    private final ServiceClient services;

    PreferencesResource(Pages pages, ServiceClient services) {
        this.pages = pages;
        this.services = services;
    }

    @GET
    public Uni<TemplateInstance> page(@RestQuery String notice) {
        return pages.context("preferences", notice).flatMap(ctx ->
                services.get(Service.NOTIFICATIONS, PATH, ctx.viewer().accessToken()).map(response -> response.ok()
                        ? Templates.preferences(ctx, services.read(response, Preferences.class), null)
                        : Templates.preferences(ctx, null, ProblemMessage.of(response))));
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Uni<Response> save(@RestForm String email, @RestForm String inApp, @RestForm String digest) {
        var wanted = new Preferences(email != null, inApp != null, "DAILY".equals(digest) ? "DAILY" : "IMMEDIATE", null);
        return put(wanted, Notice.PREFERENCES_SAVED);
    }

    /** One button, no questions: e-mail off, everything else as it was. */
    @POST
    @Path("unsubscribe")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Uni<Response> unsubscribe() {
        return pages.viewer().flatMap(viewer -> services.get(Service.NOTIFICATIONS, PATH, viewer.accessToken())
                .flatMap(current -> {
                    var now = current.ok() ? services.read(current, Preferences.class)
                            : new Preferences(true, true, "IMMEDIATE", null);
                    return put(new Preferences(false, now.inApp() == null || now.inApp(),
                            now.digest() == null ? "IMMEDIATE" : now.digest(), now.stories()), Notice.UNSUBSCRIBED);
                }));
    }

    private Uni<Response> put(Preferences wanted, Notice notice) {
        return pages.viewer().flatMap(viewer -> services.send(Service.NOTIFICATIONS, HttpMethod.PUT, PATH,
                viewer.accessToken(), Map.of(), wanted).map(response -> {
            if (response.ok()) {
                return Pages.seeOther("/portal/preferences", notice);
            }
            var ctx = pages.context(viewer, "preferences", null);
            return Response.status(response.unavailable() ? 503 : 400)
                    .entity(Templates.preferences(ctx, wanted, ProblemMessage.of(response))).build();
        }));
    }

    @ServerExceptionMapper
    Response notForThisRole(ForbiddenException e) {
        return Pages.forbidden();
    }
}
