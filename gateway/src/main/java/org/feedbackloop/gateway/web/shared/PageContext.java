package org.feedbackloop.gateway.web.shared;

import java.util.ArrayList;
import java.util.List;

/**
 * What every page shows around its content: who is signed in, the navigation their roles allow, the CSRF token
 * for its forms, and a confirmation from the previous step.
 */
public record PageContext(Viewer viewer, String section, String csrf, Notice notice) {

    public String userName() {
        return viewer.displayName();
    }

    public boolean signedIn() {
        return viewer.signedIn();
    }

    public List<NavLink> nav() {
        var links = new ArrayList<NavLink>();
        if (viewer.isCustomer()) {
            links.add(link("Give feedback", "/portal", "portal"));
            links.add(link("My feedback", "/portal/feedback", "feedback"));
            links.add(link("Inbox", "/portal/inbox", "inbox"));
            links.add(link("Preferences", "/portal/preferences", "preferences"));
        }
        if (viewer.isStaff()) {
            links.add(link("Action queue", "/console", "console"));
        }
        if (viewer.isManager()) {
            links.add(link("Overview", "/manager", "manager"));
            links.add(link("Insights", "/manager/insights", "insights"));
            links.add(link("Topics", "/manager/topics", "topics"));
            links.add(link("Imports", "/manager/imports", "imports"));
            links.add(link("Surveys", "/manager/surveys", "surveys"));
        }
        links.add(link("You said, we did", "/board", "board"));
        return links;
    }

    private NavLink link(String label, String href, String linkSection) {
        return new NavLink(label, href, linkSection.equals(section));
    }
}
