package org.feedbackloop.e2e.hostile;

import java.util.ArrayList;
import java.util.List;

/** How one case went: each way it failed, by kind. */
public record Verdict(HostileCase hostileCase, Answer answer, List<String> leaks, List<String> wrongContent) {

    public boolean expectedStatus() {
        return hostileCase.expected().contains(answer.status());
    }

    public boolean serverError() {
        return answer.status() >= 500 || answer.statuses().stream().anyMatch(status -> status >= 500);
    }

    public boolean passed() {
        return expectedStatus() && !serverError() && leaks.isEmpty() && wrongContent.isEmpty();
    }

    /** One line for the list of failures: what was sent, what came back, why it fails, and the start of the body. */
    public String describe() {
        var reasons = new ArrayList<String>();
        if (!expectedStatus()) {
            reasons.add("expected " + hostileCase.expected());
        }
        if (serverError()) {
            reasons.add("5xx " + answer.statuses());
        }
        leaks.forEach(leak -> reasons.add("leak: " + leak));
        wrongContent.forEach(wrong -> reasons.add("wrong: " + wrong));
        var body = answer.body().replaceAll("\\s+", " ");
        return "[%s] %s | %s by %s -> %d | %s | body: %s".formatted(hostileCase.category().label(), hostileCase.name(),
                hostileCase.probe().describe(), hostileCase.caller().name(), answer.status(), String.join("; ", reasons),
                body.length() > 200 ? body.substring(0, 200) + "..." : body);
    }
}
