package org.feedbackloop.notification.directory;

import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.WebClientOptions;
import io.vertx.mutiny.core.MultiMap;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.core.buffer.Buffer;
import io.vertx.mutiny.ext.web.client.HttpResponse;
import io.vertx.mutiny.ext.web.client.WebClient;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.feedbackloop.notification.config.NotificationConfig;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Who the managers and owners are, and the teams each owner has, read from Keycloak's admin API as the confidential
 * client {@code feedbackloop-directory} (client credentials; the read-only realm-management roles view-users,
 * query-users and query-groups): {@code GET /roles/manager/users}, {@code /roles/owner/users} (paged) and each owner's
 * {@code /users/{id}/groups}. Without a client secret configured the directory is not read at all.
 */
@ApplicationScoped
public class StaffDirectory {

    static final int PAGE_SIZE = 100;
    private static final String TEAM_GROUP_PREFIX = "/teams/";

    private final WebClient client;
    private final String tokenUrl;
    private final String adminUrl;
    private final String clientId;
    private final Optional<String> clientSecret;
    private final Duration timeout;

    StaffDirectory(Vertx vertx, NotificationConfig config,
                   @ConfigProperty(name = "quarkus.oidc.auth-server-url") String oidcServerUrl) {
        var directory = config.directory();
        var server = directory.url().orElse(oidcServerUrl.contains("/realms/")
                ? oidcServerUrl.substring(0, oidcServerUrl.indexOf("/realms/")) : oidcServerUrl).replaceAll("/+$", "");
        this.tokenUrl = server + "/realms/" + directory.realm() + "/protocol/openid-connect/token";
        this.adminUrl = server + "/admin/realms/" + directory.realm();
        this.clientId = directory.clientId();
        this.clientSecret = directory.clientSecret();
        this.timeout = directory.timeout();
        this.client = WebClient.create(vertx, new WebClientOptions().setConnectTimeout((int) timeout.toMillis())
                .setFollowRedirects(false));
    }

    @PreDestroy
    void close() {
        client.close();
    }

    /** Whether a client secret is configured: without one there is no directory to read. */
    public boolean isConfigured() {
        return clientSecret.isPresent();
    }

    /**
     * Every enabled manager and owner, once each (a manager who owns a team too is a manager), managers first. Fails
     * when Keycloak does not answer as expected: a partial list would leave people out.
     */
    public Uni<List<StaffMember>> staff() {
        if (!isConfigured()) {
            return Uni.createFrom().failure(new DirectoryUnavailable("no client secret is configured"));
        }
        return token().flatMap(token -> usersWithRole(token, "manager").flatMap(managers ->
                usersWithRole(token, "owner").flatMap(owners -> {
                    var staff = new LinkedHashMap<String, StaffMember>();
                    managers.forEach(user -> staff.put(user.getString("id"), member(user, true, List.of())));
                    var ownersOnly = owners.stream().filter(user -> !staff.containsKey(user.getString("id"))).toList();
                    return withTeams(token, ownersOnly, 0, staff);
                })));
    }

    /** The owners' teams, one owner after the other (the directory is asked little at a time). */
    private Uni<List<StaffMember>> withTeams(String token, List<JsonObject> owners, int next,
                                             Map<String, StaffMember> staff) {
        if (next == owners.size()) {
            return Uni.createFrom().item(List.copyOf(staff.values()));
        }
        var owner = owners.get(next);
        return pages(token, "/users/" + encode(owner.getString("id")) + "/groups", 0, new ArrayList<>())
                .flatMap(groups -> {
                    var teams = groups.stream().map(group -> group.getString("path", ""))
                            .filter(path -> path.startsWith(TEAM_GROUP_PREFIX))
                            .map(path -> path.substring(TEAM_GROUP_PREFIX.length())).sorted().toList();
                    staff.put(owner.getString("id"), member(owner, false, teams));
                    return withTeams(token, owners, next + 1, staff);
                });
    }

    private static StaffMember member(JsonObject user, boolean manager, List<String> teams) {
        var email = user.getString("email");
        return new StaffMember(user.getString("id"), user.getString("username"),
                email == null || email.isBlank() ? null : email, manager, teams);
    }

    private Uni<List<JsonObject>> usersWithRole(String token, String role) {
        return pages(token, "/roles/" + role + "/users", 0, new ArrayList<>()).map(users -> users.stream()
                .filter(user -> user.getBoolean("enabled", true) && user.getString("id") != null).toList());
    }

    /** Every page of a list of the admin API, {@value #PAGE_SIZE} at a time. */
    private Uni<List<JsonObject>> pages(String token, String path, int first, List<JsonObject> all) {
        return client.getAbs(adminUrl + path + "?briefRepresentation=true&first=" + first + "&max=" + PAGE_SIZE)
                .bearerTokenAuthentication(token)
                .timeout(timeout.toMillis())
                .send()
                .map(response -> {
                    expectOk(response, "GET " + path);
                    return response.bodyAsJsonArray();
                })
                .flatMap(page -> {
                    add(page, all);
                    return page.size() < PAGE_SIZE ? Uni.createFrom().item(all) : pages(token, path, first + PAGE_SIZE, all);
                });
    }

    private static void add(JsonArray page, List<JsonObject> all) {
        for (int i = 0; i < page.size(); i++) {
            all.add(page.getJsonObject(i));
        }
    }

    private Uni<String> token() {
        return client.postAbs(tokenUrl)
                .timeout(timeout.toMillis())
                .sendForm(MultiMap.caseInsensitiveMultiMap().add("grant_type", "client_credentials")
                        .add("client_id", clientId).add("client_secret", clientSecret.orElseThrow()))
                .map(response -> {
                    expectOk(response, "the token request");
                    var token = response.bodyAsJsonObject().getString("access_token");
                    if (token == null) {
                        throw new DirectoryUnavailable("the token request answered without a token");
                    }
                    return token;
                });
    }

    private static void expectOk(HttpResponse<Buffer> response, String what) {
        if (response.statusCode() != 200) {
            throw new DirectoryUnavailable(what + " answered " + response.statusCode());
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /** The directory could not be read (Keycloak away, the client refused, an unexpected answer). */
    public static final class DirectoryUnavailable extends RuntimeException {

        DirectoryUnavailable(String why) {
            super("The staff directory cannot be read: " + why);
        }
    }
}
