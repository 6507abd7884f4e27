package org.feedbackloop.gateway.web.portal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The "give feedback" form as typed, checked before anything is sent. {@code idempotencyKey} is made when the form
 * is rendered and travels as the Idempotency-Key header, so a double submit stores one item.
 */
public record FeedbackForm(String text, String channel, String ratingScale, String npsScore, String csatScore,
                           String topic, boolean consent, String idempotencyKey) {

    public static final int MAX_TEXT = 5000;

    public static FeedbackForm blank() {
        return new FeedbackForm("", "WEB", "NONE", null, null, "", true, newKey());
    }

    public static String newKey() {
        return UUID.randomUUID().toString();
    }

    public FeedbackForm withNewKey() {
        return new FeedbackForm(text, channel, ratingScale, npsScore, csatScore, topic, consent, newKey());
    }

    /** One message per problem, in the order of the form. */
    public List<String> problems() {
        var problems = new ArrayList<String>();
        if (text == null || text.isBlank()) {
            problems.add("Please tell us what happened: the text is empty.");
        } else if (text.strip().length() > MAX_TEXT) {
            problems.add("Please shorten your feedback to " + MAX_TEXT + " characters (it has " + text.strip().length() + ").");
        }
        if (!Channels.OFFERED.containsKey(channel)) {
            problems.add("Please choose how you are contacting us.");
        }
        if ("NPS".equals(ratingScale) && score(npsScore, 0, 10) == null) {
            problems.add("Please choose how likely you are to recommend us, from 0 to 10, or choose no rating.");
        }
        if ("CSAT".equals(ratingScale) && score(csatScore, 1, 5) == null) {
            problems.add("Please choose how satisfied you are, from 1 to 5, or choose no rating.");
        }
        if (topic != null && !topic.isBlank() && !topic.matches("[a-z][a-z0-9-]{1,39}")) {
            problems.add("Please choose a topic from the list.");
        }
        return problems;
    }

    /** The body of {@code POST /api/feedback}; only valid forms are sent. */
    public Map<String, Object> toRequest() {
        var body = new LinkedHashMap<String, Object>();
        body.put("text", text.strip());
        body.put("channel", channel);
        if ("NPS".equals(ratingScale)) {
            body.put("rating", Map.of("scale", "NPS", "score", score(npsScore, 0, 10)));
        } else if ("CSAT".equals(ratingScale)) {
            body.put("rating", Map.of("scale", "CSAT", "score", score(csatScore, 1, 5)));
        }
        if (topic != null && !topic.isBlank()) {
            body.put("topic", topic);
        }
        body.put("consentToContact", consent);
        return body;
    }

    public List<Integer> npsScale() {
        return java.util.stream.IntStream.rangeClosed(0, 10).boxed().toList();
    }

    public List<Integer> csatScale() {
        return java.util.stream.IntStream.rangeClosed(1, 5).boxed().toList();
    }

    public boolean scale(String name) {
        return name.equals(ratingScale == null ? "NONE" : ratingScale);
    }

    public boolean nps(int score) {
        return String.valueOf(score).equals(npsScore);
    }

    public boolean csat(int score) {
        return String.valueOf(score).equals(csatScore);
    }

    public boolean channelIs(String name) {
        return name.equals(channel);
    }

    public boolean topicIs(String name) {
        return name.equals(topic);
    }

    private static Integer score(String value, int min, int max) {
        try {
            int score = Integer.parseInt(value == null ? "" : value.strip());
            return score < min || score > max ? null : score;
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
