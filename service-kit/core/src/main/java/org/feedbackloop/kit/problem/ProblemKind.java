package org.feedbackloop.kit.problem;

/**
 * A kind of problem an API reports. The kinds every service shares are {@link ProblemType}; a service names its
 * own (a stale version, a reused idempotency key) with {@link #of}.
 */
public interface ProblemKind {

    int status();

    String title();

    /** In upper snake case ({@code STALE_VERSION}): what {@link #uri()} is made of. */
    String name();

    /** The problem's {@code type}: {@code urn:feedbackloop:problem:<name in kebab case>}. */
    default String uri() {
        return "urn:feedbackloop:problem:" + name().toLowerCase().replace('_', '-');
    }

    static ProblemKind of(String name, int status, String title) {
        return new Named(name, status, title);
    }

    /** A kind of problem of one service's own. */
    record Named(String name, int status, String title) implements ProblemKind {
    }
}
