package org.feedbackloop.e2e.hostile;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * One hostile request and what must come of it: an expected status (or a set of acceptable ones), never a 5xx, none
 * of the secrets its caller may not read, a problem+json body on an error (unless the HTTP codec itself refuses the
 * bytes, which answers without a body), the checks, and the requests that follow from the answer (reading back
 * what was stored).
 */
public record HostileCase(Category category, String name, Caller caller, Probe probe, Set<Integer> expected,
                          boolean problemOnError, List<Check> checks, Function<Answer, List<HostileCase>> then,
                          boolean eventually) {

    public static Builder of(Category category, String name) {
        return new Builder(category, name);
    }

    public static final class Builder {

        private final Category category;
        private final String name;
        private Caller caller = Caller.ANONYMOUS;
        private String method = "GET";
        private String target;
        private byte[] body;
        private String contentType = "application/json";
        private final Map<String, String> headers = new LinkedHashMap<>();
        private String raw;
        private final Set<Integer> expected = new TreeSet<>();
        private boolean problemOnError = true;
        private final List<Check> checks = new ArrayList<>();
        private Function<Answer, List<HostileCase>> then = answer -> List.of();
        private boolean eventually;

        private Builder(Category category, String name) {
            this.category = category;
            this.name = name;
        }

        public Builder by(Caller caller) {
            this.caller = caller;
            return this;
        }

        public Builder get(String target) {
            return request("GET", target, (byte[]) null);
        }

        public Builder delete(String target) {
            return request("DELETE", target, (byte[]) null);
        }

        public Builder post(String target, String body) {
            return request("POST", target, body);
        }

        public Builder put(String target, String body) {
            return request("PUT", target, body);
        }

        public Builder request(String method, String target, String body) {
            return request(method, target, body == null ? null : body.getBytes(StandardCharsets.UTF_8));
        }

        public Builder request(String method, String target, byte[] body) {
            this.method = method;
            this.target = target;
            this.body = body;
            return this;
        }

        /** The body's media type; null sends none. */
        public Builder contentType(String contentType) {
            this.contentType = contentType;
            return this;
        }

        public Builder header(String name, String value) {
            headers.put(name, value);
            return this;
        }

        /** Bytes for a fresh connection, sent as written (the caller's token is the test's to put in). */
        public Builder raw(String request) {
            this.raw = request;
            return this;
        }

        public Builder expect(int... statuses) {
            for (int status : statuses) {
                expected.add(status);
            }
            return this;
        }

        /** The bytes are not HTTP the codec accepts: it answers without a body (or closes), before any handler. */
        public Builder refusedByTheCodec() {
            this.problemOnError = false;
            return this;
        }

        public Builder check(String what, Predicate<Answer> holds) {
            checks.add(new Check(what, holds, false));
            return this;
        }

        public Builder leakCheck(String what, Predicate<Answer> holds) {
            checks.add(new Check(what, holds, true));
            return this;
        }

        /** Text that must appear nowhere in the answer, whoever asks (a payload unescaped, a token echoed). */
        public Builder never(String text) {
            return leakCheck("'" + (text.length() > 60 ? text.substring(0, 60) + "..." : text) + "' nowhere in the answer",
                    answer -> !answer.everything().contains(text));
        }

        /** What the checks look for arrives through an event: send again (30 s at most) until they hold. */
        public Builder eventually() {
            this.eventually = true;
            return this;
        }

        public Builder then(Function<Answer, List<HostileCase>> then) {
            this.then = then;
            return this;
        }

        public HostileCase build() {
            if (expected.isEmpty()) {
                throw new IllegalStateException(name + ": no expected status");
            }
            Probe probe;
            if (raw != null) {
                probe = new Probe.Raw(raw);
            } else {
                var all = new LinkedHashMap<String, String>();
                if (caller.token() != null) {
                    all.put("Authorization", caller.authorization());
                }
                if (body != null && contentType != null) {
                    all.put("Content-Type", contentType);
                }
                all.putAll(headers);
                probe = new Probe.Http(method, target, all, body);
            }
            return new HostileCase(category, name, caller, probe, Set.copyOf(expected), problemOnError,
                    List.copyOf(checks), then, eventually);
        }
    }
}
