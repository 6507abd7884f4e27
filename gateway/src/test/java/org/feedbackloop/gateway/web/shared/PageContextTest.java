package org.feedbackloop.gateway.web.shared;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class PageContextTest {

    @Test
    void navigationFollowsRoles() {
        assertThat(labels(Viewer.ANONYMOUS)).containsExactly("You said, we did");
        assertThat(labels(viewer("customer"))).containsExactly("Give feedback", "My feedback", "Inbox", "Preferences",
                "You said, we did");
        assertThat(labels(viewer("owner"))).containsExactly("Action queue", "You said, we did");
        assertThat(labels(viewer("manager"))).containsExactly("Action queue", "Overview", "Insights", "Topics", "Imports", "Surveys", "You said, we did");
        assertThat(labels(viewer("admin"))).containsExactly("Action queue", "Overview", "Insights", "Topics", "Imports", "Surveys", "You said, we did");
    }

    @Test
    void marksTheCurrentSectionAndSendsPeopleHome() {
        var ctx = new PageContext(viewer("customer"), "inbox", "", null);

        assertThat(ctx.nav()).filteredOn(NavLink::current).extracting(NavLink::label).containsExactly("Inbox");
        assertThat(viewer("customer").home()).isEqualTo("/portal");
        assertThat(viewer("owner").home()).isEqualTo("/console");
        assertThat(viewer("integrator").home()).isEqualTo("/board");
    }

    @Test
    void noticesComeOnlyFromTheirFixedTexts() {
        assertThat(Notice.ofCode("received")).isEqualTo(Notice.RECEIVED);
        assertThat(Notice.ofCode("<script>")).isNull();
        assertThat(Notice.ofCode(null)).isNull();
    }

    private static List<String> labels(Viewer viewer) {
        return new PageContext(viewer, "x", "", null).nav().stream().map(NavLink::label).toList();
    }

    private static Viewer viewer(String role) {
        return new Viewer("id", "user", "User", Set.of(role), List.of(), "token", "sid");
    }
}
