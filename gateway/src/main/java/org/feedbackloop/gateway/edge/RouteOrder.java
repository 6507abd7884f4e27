package org.feedbackloop.gateway.edge;

/**
 * The order in which a request meets the gateway's handlers on the Vert.x router, in one place. Quarkus' own
 * handlers sit between them: CORS at -300, (lazy) authentication at -200, authorization at -100, its body size
 * check at -2, and its default routes (health, metrics, OpenAPI, REST) from 10 000.
 */
public final class RouteOrder {

    public static final int REQUEST_IDS = Integer.MIN_VALUE + 10;
    public static final int ACCESS_LOG = REQUEST_IDS + 1;
    public static final int SECURITY_HEADERS = ACCESS_LOG + 1;
    public static final int PATH_GUARD = SECURITY_HEADERS + 1;
    public static final int HOST_GUARD = PATH_GUARD + 1;
    public static final int BODY_LIMIT = HOST_GUARD + 1;
    public static final int AUTHENTICATION = -150;
    public static final int RATE_LIMIT = -140;
    public static final int LOCAL_ROUTES = 100;
    public static final int PROXY = 200;

    private RouteOrder() {
    }
}
