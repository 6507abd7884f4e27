package org.feedbackloop.e2e.hostile;

import org.feedbackloop.e2e.Suite;

import java.util.ArrayDeque;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/** Sends each case through the gateway, judges the answer, and runs the cases that follow from it right after. */
public final class CaseRunner {

    /** Text no answer may hold, whoever asks: stack traces and SQL errors. */
    static final List<String> NEVER_SHOWN = List.of("Exception", "\tat ", "at org.", "at io.", "at java.", "PSQL",
            "SQLState", "org.hibernate", "syntax error at or near");

    private final GatewayClient gateway;
    private final Function<Caller, List<String>> secretsOf;

    public CaseRunner(GatewayClient gateway, Function<Caller, List<String>> secretsOf) {
        this.gateway = gateway;
        this.secretsOf = secretsOf;
    }

    public List<Verdict> run(List<HostileCase> cases) {
        var verdicts = new ArrayList<Verdict>();
        var queue = new ArrayDeque<>(cases);
        while (!queue.isEmpty()) {
            var next = queue.pollFirst();
            var verdict = judge(next, gateway.send(next.probe()));
            var deadline = Instant.now().plusSeconds(30);
            while (next.eventually() && !verdict.passed() && Instant.now().isBefore(deadline)) {
                Suite.sleep(500);
                verdict = judge(next, gateway.send(next.probe()));
            }
            var answer = verdict.answer();
            verdicts.add(verdict);
            if (verdict.expectedStatus()) {
                var following = next.then().apply(answer);
                for (int i = following.size() - 1; i >= 0; i--) {
                    queue.addFirst(following.get(i));
                }
            }
        }
        return verdicts;
    }

    public Verdict judge(HostileCase hostileCase, Answer answer) {
        var leaks = new ArrayList<String>();
        var everything = answer.everything();
        for (var secret : secretsOf.apply(hostileCase.caller())) {
            if (everything.contains(secret)) {
                leaks.add("'" + secret + "' in the answer");
            }
        }
        if (hostileCase.problemOnError() && answer.status() >= 400 && !answer.isProblem()) {
            leaks.add("an error that is not problem+json (" + answer.header("content-type") + ")");
        }
        var wrong = new ArrayList<String>();
        for (var check : hostileCase.checks()) {
            boolean holds;
            try {
                holds = check.holds().test(answer);
            } catch (RuntimeException e) {
                holds = false;
            }
            if (!holds) {
                (check.leak() ? leaks : wrong).add(check.what());
            }
        }
        return new Verdict(hostileCase, answer, leaks, wrong);
    }
}
