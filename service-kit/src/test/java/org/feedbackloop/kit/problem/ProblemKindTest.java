package org.feedbackloop.kit.problem;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ProblemKindTest {

    private static final ProblemKind STALE_VERSION = ProblemKind.of("STALE_VERSION", 409, "Changed since you read it");

    @Test
    void everyKindIsNamedInTheSuitesNamespace() {
        assertThat(ProblemType.PAYLOAD_TOO_LARGE.uri()).isEqualTo("urn:feedbackloop:problem:payload-too-large");
        assertThat(Problem.of(STALE_VERSION, "version 3 is not the current 4"))
                .extracting(Problem::type, Problem::status, Problem::title)
                .containsExactly("urn:feedbackloop:problem:stale-version", 409, "Changed since you read it");
    }

    @Test
    void anInvalidFieldIsNamedInTheDetail() {
        var problem = ProblemException.invalid("rating.score", "must be between 0 and 10").problem();
        assertThat(problem.status()).isEqualTo(400);
        assertThat(problem.detail()).isEqualTo("rating.score: must be between 0 and 10");
        assertThat(problem.errors()).hasSize(1);
    }
}
