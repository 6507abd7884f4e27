package org.feedbackloop.gateway.web.console;

import io.quarkus.security.ForbiddenException;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpMethod;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.feedbackloop.gateway.web.shared.CsrfProtected;
import org.feedbackloop.gateway.web.shared.Notice;
import org.feedbackloop.gateway.web.shared.Pages;
import org.feedbackloop.gateway.web.shared.Preferences;
import org.feedbackloop.gateway.web.shared.Service;
import org.feedbackloop.gateway.web.shared.ServiceClient;
import org.feedbackloop.gateway.web.shared.Viewer;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.util.Map;

/** Staff switch the weekly stories e-mail on or off (notification-service's preferences), from the kudos view. */
@Path("/console/stories")
@CsrfProtected
@RolesAllowed({Viewer.OWNER, Viewer.MANAGER, Viewer.ADMIN})
public class StoriesResource {

    static final String PATH = "/api/me/preferences";
    private static final String BACK = "/console?view=kudos";

    private final Pages pages;
    private final ServiceClient services;

    StoriesResource(Pages pages, ServiceClient services) {
        this.pages = pages;
        this.services = services;
    }

    /** Whether the weekly stories are on for the viewer; null when notification-service does not answer. */
    static Uni<Boolean> storiesOn(ServiceClient services, String token) {
        return services.get(Service.NOTIFICATIONS, PATH, token)
                .map(response -> response.ok() ? services.read(response, Preferences.class).storiesOn() : null);
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Uni<Response> change(@RestForm String stories) {
        boolean on = "on".equals(stories);
        return pages.viewer().flatMap(viewer -> services.get(Service.NOTIFICATIONS, PATH, viewer.accessToken())
                .flatMap(current -> {
                    if (!current.ok()) {
                        return Uni.createFrom().item(Pages.seeOther(BACK, Notice.STORIES_UNCHANGED));
                    }
                    var wanted = services.read(current, Preferences.class).withStories(on);
                    return services.send(Service.NOTIFICATIONS, HttpMethod.PUT, PATH, viewer.accessToken(), Map.of(), wanted)
                            .map(saved -> Pages.seeOther(BACK, !saved.ok() ? Notice.STORIES_UNCHANGED
                                    : on ? Notice.STORIES_ON : Notice.STORIES_OFF));
                }));
    }

    @ServerExceptionMapper
    Response notForThisRole(ForbiddenException e) {
        return Pages.forbidden();
    }
}
