package org.feedbackloop.kit.signing;

import io.smallrye.config.ConfigMapping;

/** The key of a service's signed tokens; every replica must share it. */
@ConfigMapping(prefix = "feedbackloop.signing")
public interface SigningConfig {

    String secret();
}
