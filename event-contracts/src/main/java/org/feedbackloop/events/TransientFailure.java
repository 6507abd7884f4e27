package org.feedbackloop.events;

import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.channels.ClosedChannelException;
import java.util.Set;
import java.util.concurrent.TimeoutException;

/**
 * Tells a failure that passes by itself (the database or the network away for a while) from one that will fail
 * again: a consumer retries the first for as long as the outage lasts, instead of dead-lettering an event that was
 * fine. Judged on the whole cause chain, by class names, so that the consumers' drivers need not be on this
 * module's classpath.
 */
public final class TransientFailure {

    private static final Set<String> UNAVAILABLE = Set.of(
            "io.vertx.sqlclient.ClosedConnectionException",
            "io.vertx.core.impl.NoStackTraceTimeoutException",
            "io.netty.channel.ConnectTimeoutException");

    /**
     * What the Vert.x SQL client answers when a request uses a pooled connection that the server closed a moment
     * before (a restart): it has no class of its own, only this message.
     */
    private static final String CONNECTION_CLOSED_UNDER_IT = "Connection is not active now";

    /** SQLSTATE classes of an unreachable or restarting PostgreSQL: connection exceptions, operator intervention. */
    private static final Set<String> UNAVAILABLE_STATES = Set.of("08", "57");

    private TransientFailure() {
    }

    public static boolean test(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof SocketException || cause instanceof SocketTimeoutException
                    || cause instanceof ClosedChannelException || cause instanceof TimeoutException
                    || UNAVAILABLE.contains(cause.getClass().getName())
                    || cause.getMessage() != null && cause.getMessage().startsWith(CONNECTION_CLOSED_UNDER_IT)
                    || UNAVAILABLE_STATES.contains(sqlStateClass(cause))) {
                return true;
            }
        }
        return false;
    }

    /** The first two characters of a driver exception's SQLSTATE (reactive client or JDBC), if it has one. */
    private static String sqlStateClass(Throwable cause) {
        for (var getter : new String[] {"getSqlState", "getSQLState"}) {
            try {
                var state = cause.getClass().getMethod(getter).invoke(cause);
                if (state instanceof String s && s.length() >= 2) {
                    return s.substring(0, 2);
                }
            } catch (ReflectiveOperationException | RuntimeException e) {
                // not this driver's getter
            }
        }
        return "";
    }
}
