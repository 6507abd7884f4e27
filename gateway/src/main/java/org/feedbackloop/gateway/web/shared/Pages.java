package org.feedbackloop.gateway.web.shared;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response;

import java.net.URI;

/** Builds the {@link PageContext} of a request, and the redirects pages answer forms with. */
@ApplicationScoped
public class Pages {

    private final Viewers viewers;
    private final CsrfTokens csrf;

    Pages(Viewers viewers, CsrfTokens csrf) {
        this.viewers = viewers;
        this.csrf = csrf;
    }

    public Uni<PageContext> context(String section, String noticeCode) {
        return viewers.current().map(viewer -> context(viewer, section, Notice.ofCode(noticeCode)));
    }

    public PageContext context(Viewer viewer, String section, Notice notice) {
        return new PageContext(viewer, section, csrf.tokenFor(viewer), notice);
    }

    public Uni<Viewer> viewer() {
        return viewers.current();
    }

    /** 303 See Other: the browser follows with a GET, so a reload never posts twice. */
    public static Response seeOther(String location) {
        return Response.seeOther(URI.create(location)).build();
    }

    /**
     * A signed-in person asked for a page of another role: say so plainly and lead them back to their own pages.
     * Static HTML, as it is answered before the page's resource runs.
     */
    public static Response forbidden() {
        return Response.status(Response.Status.FORBIDDEN).type("text/html;charset=UTF-8")
                .entity("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">"
                        + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
                        + "<title>Not for your role · Feedback Loop</title><link rel=\"stylesheet\" href=\"/web/app.css\">"
                        + "</head><body><main id=\"main\" class=\"container\"><h1>This page is not part of your pages</h1>"
                        + "<p>It belongs to another role (customers, owners or managers). Your own pages are one click away.</p>"
                        + "<p class=\"actions-row\"><a class=\"button\" href=\"/login\">Go to my pages</a>"
                        + "<a class=\"button button-secondary\" href=\"/board\">You said, we did</a></p></main></body></html>")
                .build();
    }

    public static Response seeOther(String location, Notice notice) {
        var separator = location.contains("?") ? "&" : "?";
        return seeOther(location + separator + "notice=" + notice.code());
    }
}
