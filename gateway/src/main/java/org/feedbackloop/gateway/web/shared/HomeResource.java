package org.feedbackloop.gateway.web.shared;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** The landing page, and {@code /login}: signing in through Keycloak, then on to the person's part of the site. */
@Path("/")
@Produces(MediaType.TEXT_HTML)
public class HomeResource {

    @CheckedTemplate(basePath = "web/shared")
    static class Templates {
        static native TemplateInstance home(PageContext ctx);
    }

    private final Pages pages;

    HomeResource(Pages pages) {
        this.pages = pages;
    }

    @GET
    public Uni<TemplateInstance> home() {
        return pages.context("home", null).map(Templates::home);
    }

    /** Protected, so an anonymous visitor is sent to Keycloak first; back here, it forwards to their home. */
    @GET
    @Path("login")
    @Authenticated
    public Uni<Response> login() {
        return pages.viewer().map(viewer -> Pages.seeOther(viewer.home()));
    }

    /**
     * The OIDC tenant "web" ends the session here (RP-initiated logout through Keycloak) while it authenticates
     * the request; authentication is lazy in the gateway, so the path needs an endpoint that asks for it.
     * Reached only without a session: then there is nothing to end.
     */
    @GET
    @Path("logout")
    @Authenticated
    public Response logout() {
        return Pages.seeOther("/");
    }
}
