package org.feedbackloop.gateway.web.portal;

import io.quarkus.security.ForbiddenException;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpMethod;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.feedbackloop.gateway.mydata.MyDataExport;
import org.feedbackloop.gateway.upstream.UpstreamReply;
import org.feedbackloop.gateway.web.shared.CsrfProtected;
import org.feedbackloop.gateway.web.shared.Notice;
import org.feedbackloop.gateway.web.shared.Pages;
import org.feedbackloop.gateway.web.shared.Service;
import org.feedbackloop.gateway.web.shared.ServiceClient;
import org.feedbackloop.gateway.web.shared.Viewer;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.util.List;
import java.util.Map;

/** A customer's data from the portal: download all of it, or erase it (after saying they mean it). */
@Path("/portal/my-data")
@RolesAllowed(Viewer.CUSTOMER)
@CsrfProtected
public class MyDataResource {

    private static final String EXPORT = "/api/me/export";

    private final Pages pages;
    private final ServiceClient services;

    MyDataResource(Pages pages, ServiceClient services) {
        this.pages = pages;
        this.services = services;
    }

    @GET
    public Uni<Response> download() {
        return pages.viewer().flatMap(viewer -> Uni.join().all(List.of(
                        services.get(Service.FEEDBACK, EXPORT, viewer.accessToken()),
                        services.get(Service.ACTIONS, EXPORT, viewer.accessToken()),
                        services.get(Service.NOTIFICATIONS, EXPORT, viewer.accessToken()))).andFailFast())
                .map(parts -> {
                    if (!parts.stream().allMatch(UpstreamReply::ok)) {
                        return Response.status(503).type(MediaType.TEXT_PLAIN).header("Retry-After", "30")
                                .entity("Part of your data cannot be read right now; please try again in a minute.\n").build();
                    }
                    var document = MyDataExport.compose(parts.get(0).body().toJsonObject(),
                            parts.get(1).body().toJsonObject(), parts.get(2).body().toJsonObject());
                    return Response.ok(document.encodePrettily(), MediaType.APPLICATION_JSON)
                            .header("Content-Disposition", "attachment; filename=\"" + MyDataExport.FILE_NAME + "\"")
                            .build();
                });
    }

    @POST
    @Path("erase")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Uni<Response> erase(@RestForm String confirm) {
        if (!"yes".equals(confirm)) {
            return Uni.createFrom().item(Pages.seeOther("/portal/preferences?erase=unconfirmed#data-title"));
        }
        return pages.viewer().flatMap(viewer -> services.send(Service.FEEDBACK, HttpMethod.DELETE, "/api/me/data",
                        viewer.accessToken(), Map.of(), null))
                .map(reply -> reply.ok() ? Pages.seeOther("/portal/preferences", Notice.ERASED)
                        : Pages.seeOther("/portal/preferences?erase=failed#data-title"));
    }

    @ServerExceptionMapper
    Response notForThisRole(ForbiddenException e) {
        return Pages.forbidden();
    }
}
