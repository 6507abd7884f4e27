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

    /** Seen at 100 submissions a second while PostgreSQL restarted: a transaction on a connection closed under it. */
    @Test
    void aPooledConnectionClosedByARestartIsTransient() {
        assertThat(TransientFailure.test(new IllegalStateException(
                new RuntimeException("Connection is not active now, current status: CLOSED")))).isTrue();
        assertThat(TransientFailure.test(new RuntimeException("Connection refused by policy"))).isFalse();
    }

    @Test
    void aBugOrABadMessageIsNotTransient() {
        assertThat(TransientFailure.test(new IllegalArgumentException("no type"))).isFalse();
        assertThat(TransientFailure.test(new NullPointerException())).isFalse();
        assertThat(TransientFailure.test(null)).isFalse();
    }
}
