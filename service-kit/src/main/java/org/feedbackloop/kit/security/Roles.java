package org.feedbackloop.kit.security;

/** Realm roles of Keycloak realm {@code feedbackloop} (ARCHITECTURE.md, "Identity and roles"). */
public final class Roles {
    public static final String CUSTOMER = "customer";
    public static final String OWNER = "owner";
    public static final String MANAGER = "manager";
    public static final String ADMIN = "admin";
    public static final String INTEGRATOR = "integrator";

    private Roles() {
    }
}
