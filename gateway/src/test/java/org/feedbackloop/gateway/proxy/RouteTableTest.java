package org.feedbackloop.gateway.proxy;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RouteTableTest {

    @Test
    void theLongestCoveringPrefixWins() {
        assertThat(RouteTable.match("/api/me/notifications/stream")).map(Route::name).hasValue("stream");
        assertThat(RouteTable.match("/api/me/notifications/1/read")).map(Route::name).hasValue("notifications");
        assertThat(RouteTable.match("/api/public/updates/a/me-too")).map(Route::name).hasValue("board");
    }

    @Test
    void prefixesCoverWholeSegments() {
        assertThat(RouteTable.match("/api/feedback")).isPresent();
        assertThat(RouteTable.match("/api/feedback/")).isPresent();
        assertThat(RouteTable.match("/api/feedbacks")).isEmpty();
        assertThat(RouteTable.match("/api/me/timeline")).isEmpty();
        assertThat(RouteTable.match("/api/public")).isEmpty();
    }

    @Test
    void onlyTheStreamIsStreaming() {
        assertThat(RouteTable.ROUTES.stream().filter(Route::streaming).map(Route::prefix))
                .containsExactly("/api/me/notifications/stream");
    }
}
