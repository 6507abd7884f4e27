package org.feedbackloop.e2e.hostile;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import org.feedbackloop.e2e.Await;
import org.feedbackloop.testkit.Keycloak;
import org.feedbackloop.testkit.ShortLivedClient;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

/**
 * What the attacks aim at, made before them through the gateway: alice's feedback with a secret word, the billing
 * action tracking it, her inbox and preferences, a webhook of the integrator, and snapshots of what must not change.
 * Callers are the dev realm's people, the integrator, and a second integrator made for the run.
 */
public final class World implements AutoCloseable {

    public final String run = UUID.randomUUID().toString().substring(0, 8);
    /** In alice's words only; no answer to anyone who may not read her feedback may contain it. */
    public final String aliceSecret = "alicesecret" + run;
    public final String aliceEmail = "alice@example.com";
    public final String bobSecret = "bobsecret" + run;
    public final String webhookSecret = "hooksecret" + run;
    /** In every body that must be refused: searching for it afterwards must find nothing stored. */
    public final String refused = "refused" + run;

    public final Keycloak keycloak;
    public final GatewayClient gateway;
    public final Caller alice;
    public final Caller bob;
    public final Caller olivia;
    public final Caller oscar;
    public final Caller maria;
    public final Caller admin;
    public final Caller integrator;
    public final Caller otherIntegrator;

    public final UUID aliceFeedback;
    public final JsonNode aliceFeedbackAsStored;
    public final UUID aliceAction;
    public final JsonNode aliceActionAsItWas;
    public final String aliceFeedbackCursor;
    public final String aliceInboxCursor;
    public final JsonNode alicePreferences;
    public final UUID bobFeedback;
    public final UUID deliveryAction;
    public final UUID webhook;
    public final String webhookCursor;
    public final JsonNode routingRules;
    public final JsonNode topics;
    private final List<String> databasePasswords;

    private final List<AutoCloseable> resources = new ArrayList<>();
    private final ShortLivedClient expiringClient;
    private String expiringToken;
    private final ShortLivedClient foreignAudienceClient;

    public World(String gatewayUrl, int gatewayPort, String realmUrl, String databaseSuffix) {
        try {
            keycloak = new Keycloak(realmUrl);
            gateway = new GatewayClient(gatewayUrl, gatewayPort);
            databasePasswords = List.of("feedback" + databaseSuffix, "actions" + databaseSuffix, "notifications" + databaseSuffix);
            alice = new Caller("alice", keycloak.userToken("alice"), true, false);
            bob = new Caller("bob", keycloak.userToken("bob"), false, false);
            olivia = new Caller("olivia", keycloak.userToken("olivia"), true, false);
            oscar = new Caller("oscar", keycloak.userToken("oscar"), true, false);
            maria = new Caller("maria", keycloak.userToken("maria"), true, false);
            admin = new Caller("admin", keycloak.userToken("admin"), true, false);
            integrator = new Caller("integrator", keycloak.clientToken("feedbackloop-integrator", "dev-integrator-secret"), true, true);
            var second = remember(new ShortLivedClient(keycloak, "integrator", "integrator", 600, true));
            otherIntegrator = new Caller("another integrator", second.token(), true, false);
            expiringClient = remember(new ShortLivedClient(keycloak, "expiring", "customer", 5, true));
            foreignAudienceClient = remember(new ShortLivedClient(keycloak, "audience", "customer", 600, false));

            // words unlike other tests' feedback, so that triage opens an action of its own for them
            // plainly negative, so that its action has days to its deadlines: the scheduler leaves it (and its ETag) alone
            aliceFeedback = submit(alice, "My direct debit mandate " + aliceSecret
                    + " was cancelled without notice. This is terrible and unacceptable!", "billing");
            submit(alice, "The billing page " + run + " is slow to load in the evening.", "billing");
            bobFeedback = submit(bob, "The courier left parcel " + bobSecret + " in the rain at the wrong door.", "delivery");
            aliceAction = actionOf(olivia, aliceFeedback);
            deliveryAction = actionOf(oscar, bobFeedback);
            aliceFeedbackAsStored = until(alice, "/api/feedback/" + aliceFeedback, json -> json.path("status").asText().equals("TRACKED"));
            aliceActionAsItWas = read(maria, "/api/actions/" + aliceAction);
            var inbox = until(alice, "/api/me/notifications?limit=1", json -> json.path("items").size() == 1
                    && json.path("nextCursor").isTextual());
            aliceInboxCursor = inbox.path("nextCursor").asText();
            aliceFeedbackCursor = read(alice, "/api/feedback?limit=1").path("nextCursor").asText();
            alicePreferences = read(alice, "/api/me/preferences");

            var receiver = webhookReceiver();
            var url = "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hooks/" + webhookSecret;
            webhook = subscribe(integrator, url, "Sync of " + webhookSecret);
            subscribe(integrator, url + "/second", "Second of " + webhookSecret);
            webhookCursor = read(integrator, "/api/webhooks?limit=1").path("nextCursor").asText();
            routingRules = read(maria, "/api/routing-rules");
            topics = read(maria, "/api/feedback/topics");
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    /** What {@code caller} must never see: stack traces, the databases' passwords, and others' data. */
    public List<String> secretsFor(Caller caller) {
        var secrets = new ArrayList<>(CaseRunner.NEVER_SHOWN);
        secrets.addAll(databasePasswords);
        if (!caller.seesAlicesFeedback()) {
            secrets.add(aliceSecret);
            secrets.add(aliceEmail);
        }
        if (!caller.ownsTheWebhooks()) {
            secrets.add(webhookSecret);
        }
        if (caller == alice) {
            secrets.add(bobSecret);
        }
        return secrets;
    }

    /** A new token of the client whose tokens live 5 seconds: it works now. */
    public String freshExpiringToken() {
        expiringToken = expiringClient.token();
        return expiringToken;
    }

    /** The last {@link #freshExpiringToken}, which has expired by now (waiting for that if need be). */
    public String expiredToken() {
        try {
            Keycloak.awaitExpiry(expiringToken);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        return expiringToken;
    }

    /** Alice's id (her token's subject), which an attacker might name in a header or a parameter. */
    public String aliceSubject() {
        return Json.read(new String(Base64.getUrlDecoder().decode(alice.token().split("\\.")[1]), StandardCharsets.UTF_8))
                .path("sub").asText();
    }

    public String foreignAudienceToken() {
        return foreignAudienceClient.token();
    }

    /** The action's current ETag, read as {@code caller}. */
    public String etag(Caller caller, UUID action) {
        var answer = call(caller, "GET", "/api/actions/" + action, null);
        return answer.header("etag");
    }

    public JsonNode read(Caller caller, String target) {
        return Json.read(call(caller, "GET", target, null).body());
    }

    public static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private UUID submit(Caller caller, String text, String topic) {
        var answer = call(caller, "POST", "/api/feedback", Json.write(Map.of("text", text, "channel", "WEB", "topic", topic)));
        return UUID.fromString(Json.read(answer.body()).path("id").asText());
    }

    private UUID subscribe(Caller caller, String url, String description) {
        var answer = call(caller, "POST", "/api/webhooks", Json.write(Map.of("url", url,
                "eventTypes", List.of("action.status-changed"), "description", description)));
        return UUID.fromString(Json.read(answer.body()).path("id").asText());
    }

    /** The action triage linked the feedback to; triage runs on an event, so this waits (30 s at most). */
    private UUID actionOf(Caller staff, UUID feedback) {
        var items = until(staff, "/api/actions?feedbackId=" + feedback, json -> json.path("items").size() > 0).path("items");
        return UUID.fromString(items.get(0).path("id").asText());
    }

    /**
     * A new unread inbox item of alice (the thanks for new feedback of hers): among her newest, so that a page of
     * her inbox shows it after the attacks.
     */
    public UUID newAliceNotification() {
        var feedback = submit(alice, "Please call me back about my account " + run + ".", "account");
        var inbox = until(alice, "/api/me/notifications?limit=20", json -> unreadAbout(json, feedback) != null);
        return UUID.fromString(unreadAbout(inbox, feedback).path("id").asText());
    }

    private static JsonNode unreadAbout(JsonNode inbox, UUID feedback) {
        for (var item : inbox.path("items")) {
            if (item.path("readAt").isMissingNode() && item.path("feedbackIds").toString().contains(feedback.toString())) {
                return item;
            }
        }
        return null;
    }

    private JsonNode until(Caller caller, String target, Predicate<JsonNode> ready) {
        var answer = Await.until("GET " + target + " ready", Duration.ofSeconds(30), () -> gateway.send(get(caller, target)),
                reply -> reply.status() == 200 && ready.test(Json.read(reply.body())));
        return Json.read(answer.body());
    }

    private Answer call(Caller caller, String method, String target, String body) {
        var probe = HostileCase.of(Category.MALFORMED_BODIES, "setup").by(caller).request(method, target, body).expect(200).build().probe();
        var answer = gateway.send(probe);
        if (answer.status() >= 300) {
            throw new IllegalStateException("setup: " + method + " " + target + " as " + caller.name() + " -> "
                    + answer.status() + " " + answer.body());
        }
        return answer;
    }

    private static Probe get(Caller caller, String target) {
        return HostileCase.of(Category.MALFORMED_BODIES, "setup").by(caller).get(target).expect(200).build().probe();
    }

    private HttpServer webhookReceiver() {
        try {
            var server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext("/", exchange -> {
                exchange.getRequestBody().readAllBytes();
                exchange.sendResponseHeaders(204, -1);
                exchange.close();
            });
            server.start();
            resources.add(() -> server.stop(0));
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private <T extends AutoCloseable> T remember(T resource) {
        resources.add(resource);
        return resource;
    }

    @Override
    public void close() {
        for (var resource : resources.reversed()) {
            try {
                resource.close();
            } catch (Exception e) {
                // the others still close
            }
        }
    }
}
