package org.feedbackloop.events;

import org.junit.jupiter.api.Test;

import java.net.ConnectException;
import java.sql.SQLException;
import java.util.concurrent.CompletionException;

import static org.assertj.core.api.Assertions.assertThat;

class TransientFailureTest {

    @Test
    void anUnreachableServerPassesWhereverItIsInTheCauseChain() {
        assertThat(TransientFailure.test(new ConnectException("Connection refused"))).isTrue();
        assertThat(TransientFailure.test(new CompletionException(new IllegalStateException(
                new ConnectException("Connection refused"))))).isTrue();
    }

    @Test
    void aRestartingDatabaseIsJudgedByItsSqlState() {
        assertThat(TransientFailure.test(new SQLException("terminating connection", "57P01"))).isTrue();
        assertThat(TransientFailure.test(new SQLException("connection failure", "08006"))).isTrue();
        assertThat(TransientFailure.test(new SQLException("duplicate key", "23505"))).isFalse();
    }

    @Test
    void aBugOrABadMessageIsNotTransient() {
        assertThat(TransientFailure.test(new IllegalArgumentException("no type"))).isFalse();
        assertThat(TransientFailure.test(new NullPointerException())).isFalse();
        assertThat(TransientFailure.test(null)).isFalse();
    }
}
