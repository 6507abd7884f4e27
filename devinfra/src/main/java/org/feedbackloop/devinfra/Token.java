package org.feedbackloop.devinfra;

import org.feedbackloop.testkit.Keycloak;

/**
 * Prints an access token of the dev realm: a user's (password grant; alice, bob, olivia, oscar, maria, admin) or,
 * with {@code --integrator} or {@code --bench}, that client's (client credentials). For scripts and for trying the API
 * by hand.
 *
 * <p>Usage: {@code Token <keycloakRealmUrl> <user>|--integrator|--bench}.
 */
public final class Token {

    private Token() {
    }

    public static void main(String[] args) {
        if (args.length != 2) {
            Foreground.fail("Token", "two arguments", "Token <keycloakRealmUrl> <user>|--integrator|--bench");
            System.exit(Foreground.EXIT_USAGE);
        }
        try {
            var keycloak = new Keycloak(args[0]);
            System.out.println(switch (args[1]) {
                case "--integrator" -> keycloak.integratorToken();
                case "--bench" -> keycloak.benchToken();
                default -> keycloak.userToken(args[1]);
            });
        } catch (RuntimeException e) {
            Foreground.fail("Token", Foreground.describe(e), null);
            System.exit(Foreground.EXIT_FAILURE);
        }
    }
}
