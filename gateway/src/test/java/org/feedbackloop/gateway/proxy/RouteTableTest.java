package org.feedbackloop.gateway.proxy;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RouteTableTest {

    @Test
    void theLongestCoveringPrefixWins() {
        assertThat(RouteTable.match("/api/me/notifications/stream")).map(Route::name).hasValue("stream");
        assertThat(RouteTable.match("/api/me/notifications/1/read")).map(Route::name).hasValue("notifications");
        assertThat(RouteTable.match("/api/public/updates/a/me-too")).map(Route::name).hasValue("board");
        assertThat(RouteTable.match("/api/feedback/0b6f1f8e-8c1e-4f3a-9a57-1f0c3c1b2d4e/similar")).map(Route::name).hasValue("similar");
        assertThat(RouteTable.match("/api/feedback/{id}/similar")).map(Route::upstream).hasValue("action-service");
        assertThat(RouteTable.match("/api/feedback//similar")).map(Route::name).hasValue("feedback");
        assertThat(RouteTable.match("/api/feedback/x/similarity")).map(Route::name).hasValue("feedback");
        assertThat(RouteTable.match("/api/feedback/analysis")).map(Route::name).hasValue("feedback");
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
