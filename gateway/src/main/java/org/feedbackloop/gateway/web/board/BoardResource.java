package org.feedbackloop.gateway.web.board;

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
import org.feedbackloop.gateway.web.shared.Viewer;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestHeader;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.util.Set;
import java.util.UUID;

/**
 * The public "you said, we did" board: what was done because customers spoke up, and what is open, where a
 * customer can add their voice ("me too"). Nobody's identity appears here.
 */
@Path("/board")
@Produces(MediaType.TEXT_HTML)
@CsrfProtected
public class BoardResource {

    private static final Set<String> RETURN_TO = Set.of("/board?status=open", "/portal");

    /** Which tab of the board a page shows. */
    public record Tab(String status) {

        public boolean done() {
            return "done".equals(status);
        }
    }

    @CheckedTemplate(basePath = "web/board")
    static class Templates {
        static native TemplateInstance board(PageContext ctx, Tab tab, Board.Listing listing);

        static native TemplateInstance confirm(PageContext ctx, UUID actionId, PublicUpdate update);

        static native TemplateInstance counted(UUID actionId, Board.Vote vote);
    }

    private final Pages pages;
    private final Board board;

    BoardResource(Pages pages, Board board) {
        this.pages = pages;
        this.board = board;
    }

    @GET
    public Uni<TemplateInstance> board(@RestQuery String status, @RestQuery String cursor, @RestQuery String notice) {
        var tab = new Tab("open".equals(status) ? "open" : "done");
        return pages.context("board", notice).flatMap(ctx -> board.list(tab.status(), cursor, 20)
                .map(listing -> Templates.board(ctx, tab, listing)));
    }

    /** Where "me too" leads a visitor: through the login page, then here, to confirm with one click. */
    @GET
    @Path("{actionId}/me-too")
    @RolesAllowed(Viewer.CUSTOMER)
    public Uni<Response> confirm(@RestPath String actionId) {
        var id = uuid(actionId);
        if (id == null) {
            return Uni.createFrom().item(Pages.seeOther("/board?status=open"));
        }
        return pages.context("board", null).flatMap(ctx -> board.one(id)
                .map(update -> Response.ok(Templates.confirm(ctx, id, update)).build()));
    }

    @POST
    @Path("{actionId}/me-too")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed(Viewer.CUSTOMER)
    public Uni<Response> meToo(@RestPath String actionId, @RestForm String returnTo, @RestHeader("HX-Request") String htmx) {
        var id = uuid(actionId);
        if (id == null) {
            return Uni.createFrom().item(Response.status(404).build());
        }
        var back = returnTo != null && RETURN_TO.contains(returnTo) ? returnTo : "/board?status=open";
        return pages.viewer().flatMap(viewer -> board.meToo(id, viewer.accessToken()).map(vote -> {
            if (htmx != null) {
                return Response.ok(Templates.counted(id, vote)).build();
            }
            return vote.counted() ? Pages.seeOther(back, Notice.ME_TOO)
                    : Response.status(vote.problem().status() == 0 ? 503 : vote.problem().status())
                    .entity(Templates.counted(id, vote)).build();
        }));
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
