package org.feedbackloop.e2e.hostile;

/**
 * Who sends a request: a name for the report, the bearer token (null: none), and what that caller may rightly
 * read, which decides the secrets that must never appear in its answers.
 */
public record Caller(String name, String token, boolean seesAlicesFeedback, boolean ownsTheWebhooks) {

    public static final Caller ANONYMOUS = new Caller("anonymous", null, false, false);

    /** Someone holding a token that must not work: it sees nobody's data. */
    public static Caller holding(String name, String token) {
        return new Caller(name, token, false, false);
    }

    public String authorization() {
        return token == null ? null : "Bearer " + token;
    }
}
