package org.feedbackloop.notification.security;

import java.util.Locale;

/** Recipient keys: a person, an address without an account, a role or a team. */
public final class Recipients {

    private Recipients() {
    }

    public static String user(String id) {
        return "user:" + id;
    }

    public static String email(String address) {
        return "email:" + address.toLowerCase(Locale.ROOT);
    }

    public static String role(String role) {
        return "role:" + role;
    }

    public static String team(String team) {
        return "team:" + team;
    }
}
