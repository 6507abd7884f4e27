package org.feedbackloop.gateway.web.shared;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** Where the web UI finds the services, and its own secrets. Environment variables in application.properties. */
@ConfigMapping(prefix = "feedbackloop.gateway.web")
public interface WebConfig {

    /** How long a page waits for a service before it shows that part as unavailable. */
    @WithDefault("5s")
    Duration upstreamTimeout();

    /** Teams managers can filter the queue by (owners see their own teams). */
    @WithDefault("billing,delivery,product,triage")
    List<String> teams();

    /** Signs CSRF tokens; unset means a random key per process (fine for one replica). */
    Optional<String> csrfSecret();
}
