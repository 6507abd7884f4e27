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

    public static Response seeOther(String location, Notice notice) {
        var separator = location.contains("?") ? "&" : "?";
        return seeOther(location + separator + "notice=" + notice.code());
    }
}
