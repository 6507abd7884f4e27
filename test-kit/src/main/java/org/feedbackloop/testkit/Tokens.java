package org.feedbackloop.testkit;

/** Tokens of the tests' dev realm ({@link Keycloak#local()}), as the service tests ask for them. */
public final class Tokens {

    private Tokens() {
    }

    /** A dev user's token (alice, bob, olivia, oscar, maria, admin: password = username). */
    public static String of(String user) {
        return Keycloak.local().userToken(user);
    }

    public static String integrator() {
        return Keycloak.local().integratorToken();
    }

    /** The benchmark client's token: an integrator whose rate quota the gateway's test profile raises. */
    public static String bench() {
        return Keycloak.local().benchToken();
    }

    public static String clientCredentials(String clientId, String secret) {
        return Keycloak.local().clientToken(clientId, secret);
    }

    /** A fresh, uncached token for a client: its lifespan is whatever the client's settings give it. */
    public static String freshClientCredentials(String clientId, String secret) {
        return Keycloak.local().freshClientToken(clientId, secret);
    }

    /** The {@code sub} claim of a user's token. */
    public static String subjectOf(String user) {
        return Keycloak.subjectOf(of(user));
    }
}
