package org.feedbackloop.gateway.edge;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class PathGuardTest {

    @ParameterizedTest
    @ValueSource(strings = {"/api/feedback", "/api/feedback/0b6f1f8e-8c1e-4f3a-9a57-1f0c3c1b2d4e", "/api/actions/1/transitions",
            "/api/feedback/a.b", "/api/feedback/..a", "/q/health/ready", "/", "/api/feedback/"})
    void plainPathsPass(String path) {
        assertThat(PathGuard.isAmbiguous(path)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api/feedback/../actions", "/api/..", "/./api", "/api/%2e%2e/x", "/api/%2E/x", "/api%2Fx",
            "/api/x%5cy", "/api\\x", "/api/x;jsessionid=1", "//api", "/api//x", "/api/x%00", ""})
    void ambiguousPathsAreCaught(String path) {
        assertThat(PathGuard.isAmbiguous(path)).isTrue();
    }
}
