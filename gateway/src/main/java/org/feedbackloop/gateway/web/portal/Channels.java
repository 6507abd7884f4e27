package org.feedbackloop.gateway.web.portal;

import java.util.LinkedHashMap;
import java.util.Map;

/** The channels a customer can name in the portal, as the API spells them and as people read them. */
final class Channels {

    static final Map<String, String> OFFERED = new LinkedHashMap<>();

    static {
        OFFERED.put("WEB", "This website");
        OFFERED.put("IN_APP", "Our app");
        OFFERED.put("EMAIL", "E-mail");
        OFFERED.put("PHONE", "Phone call");
        OFFERED.put("SOCIAL", "Social media");
        OFFERED.put("SURVEY", "A survey");
    }

    private Channels() {
    }

    static String label(String channel) {
        if ("API".equals(channel)) {
            return "Imported";
        }
        return OFFERED.getOrDefault(channel, channel);
    }
}
