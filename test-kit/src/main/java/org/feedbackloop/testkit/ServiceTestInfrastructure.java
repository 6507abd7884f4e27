package org.feedbackloop.testkit;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;

/**
 * The base of a service's Quarkus test resource. Once, before the application starts: the real Keycloak must answer
 * (a missing one fails with a clear message rather than 401s), the service's own queues are emptied of what other
 * modules' tests published into the shared virtual host, and, where tests take a dependency away, a cuttable
 * {@link TcpProxy} stands between the application and it.
 */
public abstract class ServiceTestInfrastructure implements QuarkusTestResourceLifecycleManager {

    private final List<String> ownQueues;
    private final String proxiedProperty;
    private final int proxiedPort;
    private TcpProxy proxy;

    protected ServiceTestInfrastructure(List<String> ownQueues) {
        this(ownQueues, null, 0);
    }

    /** With a proxy in front of {@code port}, whose own port the application gets as {@code property}. */
    protected ServiceTestInfrastructure(List<String> ownQueues, String property, int port) {
        this.ownQueues = List.copyOf(ownQueues);
        this.proxiedProperty = property;
        this.proxiedPort = port;
    }

    @Override
    public Map<String, String> start() {
        Infrastructure.requireKeycloak();
        Infrastructure.purgeQueues(ownQueues.toArray(String[]::new));
        if (proxiedProperty == null) {
            return Map.of();
        }
        try {
            proxy = new TcpProxy(proxiedPort);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        proxied(proxy);
        return Map.of(proxiedProperty, String.valueOf(proxy.port()));
    }

    /** The proxy, once it listens: a subclass keeps it where its tests reach it. */
    protected void proxied(TcpProxy proxy) {
    }

    @Override
    public void stop() {
        try {
            if (proxy != null) {
                proxy.close();
            }
        } catch (IOException ignored) {
            // the JVM is ending
        }
    }
}
