package org.feedbackloop.gateway.upstream;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.PoolOptions;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import org.feedbackloop.gateway.config.GatewayConfig;

import java.util.Collection;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.TreeMap;

/** The three services behind the gateway, configured by their URLs. */
@ApplicationScoped
public class Upstreams {

    public static final String FEEDBACK = "feedback-service";
    public static final String ACTION = "action-service";
    public static final String NOTIFICATION = "notification-service";

    private final Map<String, Upstream> byName = new TreeMap<>();

    Upstreams(Vertx vertx, GatewayConfig config) {
        for (var name : new String[]{FEEDBACK, ACTION, NOTIFICATION}) {
            var upstream = config.upstreams().get(name);
            if (upstream == null) {
                throw new IllegalStateException("feedbackloop.gateway.upstreams." + name + ".url is not configured");
            }
            var options = new HttpClientOptions()
                    .setName("upstream-" + name)
                    .setConnectTimeout((int) config.timeout().connect().toMillis())
                    .setKeepAlive(true)
                    .setKeepAliveTimeout(30);
            byName.put(name, new Upstream(name, upstream.url(),
                    vertx.createHttpClient(options, new PoolOptions().setHttp1MaxSize(upstream.poolSize())),
                    vertx.createHttpClient(new HttpClientOptions(options).setName("upstream-" + name + "-streams"),
                            new PoolOptions().setHttp1MaxSize(upstream.streamPoolSize()))));
        }
    }

    public Upstream get(String name) {
        var upstream = byName.get(name);
        if (upstream == null) {
            throw new NoSuchElementException("No upstream " + name);
        }
        return upstream;
    }

    public Collection<Upstream> all() {
        return byName.values();
    }

    @PreDestroy
    void close() {
        byName.values().forEach(Upstream::close);
    }
}
