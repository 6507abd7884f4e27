package org.feedbackloop.gateway.config;

import org.eclipse.microprofile.config.spi.Converter;

/** One entry of {@code RATE_LIMIT_CLIENT_QUOTAS}: an OAuth client and the bucket its callers get for each kind. */
public record ClientQuota(String client, Rate rate) {

    /** A bucket given in a value rather than in two properties. */
    public record Rate(int capacity, double perSecond) implements GatewayConfig.Bucket {
    }

    /** Reads {@code <client>=<per-second>/<burst>}, e.g. {@code feedbackloop-bench=5000/5000}. */
    public static final class Parser implements Converter<ClientQuota> {

        @Override
        public ClientQuota convert(String value) {
            var entry = value.strip().split("=", -1);
            var rate = entry.length == 2 ? entry[1].split("/", -1) : new String[0];
            if (rate.length != 2 || entry[0].isBlank()) {
                throw new IllegalArgumentException("A client quota is <client>=<per-second>/<burst>, not " + value);
            }
            var perSecond = Double.parseDouble(rate[0].strip());
            var burst = Integer.parseInt(rate[1].strip());
            if (perSecond <= 0 || burst < 1) {
                throw new IllegalArgumentException("A client quota needs a positive rate and burst: " + value);
            }
            return new ClientQuota(entry[0].strip(), new Rate(burst, perSecond));
        }
    }
}
