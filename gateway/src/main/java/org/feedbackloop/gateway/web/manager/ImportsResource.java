package org.feedbackloop.gateway.web.manager;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.ForbiddenException;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.feedbackloop.gateway.web.shared.PageContext;
import org.feedbackloop.gateway.web.shared.Pages;
import org.feedbackloop.gateway.web.shared.Viewer;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.util.UUID;

/** The bulk imports: each file's progress (a bar that moves while it runs) and the rows it refused. */
@Path("/manager/imports")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed({Viewer.MANAGER, Viewer.ADMIN})
public class ImportsResource {

    @CheckedTemplate(basePath = "web/manager")
    static class Templates {
        static native TemplateInstance imports(PageContext ctx, Imports.Jobs jobs);

        static native TemplateInstance importList(Imports.Jobs jobs);

        static native TemplateInstance importDetail(PageContext ctx, Imports.Detail detail);
    }

    private final Pages pages;
    private final Imports imports;

    ImportsResource(Pages pages, Imports imports) {
        this.pages = pages;
        this.imports = imports;
    }

    @GET
    public Uni<TemplateInstance> page() {
        return pages.context("imports", null)
                .flatMap(ctx -> imports.newest(ctx.viewer().accessToken()).map(jobs -> Templates.imports(ctx, jobs)));
    }

    /** The list alone (htmx, every two seconds while an import runs). */
    @GET
    @Path("list")
    public Uni<TemplateInstance> list() {
        return pages.viewer().flatMap(viewer -> imports.newest(viewer.accessToken()).map(Templates::importList));
    }

    @GET
    @Path("{id}")
    public Uni<Response> detail(@PathParam("id") String id) {
        return pages.context("imports", null).flatMap(ctx -> {
            UUID importId;
            try {
                importId = UUID.fromString(id);
            } catch (IllegalArgumentException e) {
                return Uni.createFrom().item(page(404, Templates.importDetail(ctx, Imports.Detail.missing())));
            }
            return imports.detail(ctx.viewer().accessToken(), importId).map(detail -> page(
                    detail.problem() == null ? 200 : detail.problem().status(), Templates.importDetail(ctx, detail)));
        });
    }

    private static Response page(int status, TemplateInstance page) {
        return Response.status(status).type("text/html;charset=UTF-8").entity(page).build();
    }

    @ServerExceptionMapper
    Response notForThisRole(ForbiddenException e) {
        return Pages.forbidden();
    }
}
