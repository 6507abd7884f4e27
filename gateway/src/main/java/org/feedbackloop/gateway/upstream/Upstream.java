package org.feedbackloop.gateway.upstream;

import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;

import java.net.URI;

/**
 * One service behind the gateway: where it listens and the connection pools that reach it. Live streams get a
 * pool of their own, so that many open streams never starve ordinary requests of connections.
 */
public final class Upstream {

    private final String name;
    private final URI url;
    private final HttpClient client;
    private final HttpClient streamClient;

    Upstream(String name, URI url, HttpClient client, HttpClient streamClient) {
        this.name = name;
        this.url = url;
        this.client = client;
        this.streamClient = streamClient;
    }

    public String name() {
        return name;
    }

    public HttpClient client(boolean streaming) {
        return streaming ? streamClient : client;
    }

    /** A request to this upstream; {@code uri} is a path with its query string. */
    public RequestOptions request(HttpMethod method, String uri) {
        var https = "https".equalsIgnoreCase(url.getScheme());
        var port = url.getPort() > 0 ? url.getPort() : https ? 443 : 80;
        return new RequestOptions().setMethod(method).setHost(url.getHost()).setPort(port).setSsl(https).setURI(uri);
    }

    void close() {
        client.close();
        streamClient.close();
    }

    @Override
    public String toString() {
        return name + " (" + url + ")";
    }
}
