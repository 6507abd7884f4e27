package org.feedbackloop.e2e.hostile;

import com.microsoft.playwright.BrowserContext;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/** The whole battery, in category order, against a running suite; the result holds the table and every verdict. */
public final class HostileInput {

    /** What came of it: the verdicts and how long they took. */
    public record Result(List<Verdict> verdicts, Duration took) {

        public int requests() {
            return verdicts.size();
        }

        public List<String> failures() {
            return verdicts.stream().filter(verdict -> !verdict.passed()).map(Verdict::describe).toList();
        }

        public String report() {
            var failures = failures();
            return "Hostile input through the gateway: " + requests() + " requests in " + took.toSeconds() + " s\n\n"
                    + new Tally(verdicts).render()
                    + (failures.isEmpty() ? "\nno failing case\n" : "\nfailing cases:\n" + String.join("\n", failures) + "\n");
        }

        public String everyCase() {
            return verdicts.stream().map(verdict -> (verdict.passed() ? "ok   " : "FAIL ") + "[" + verdict.hostileCase().category().label()
                    + "] " + verdict.hostileCase().name() + " | " + verdict.hostileCase().probe().describe() + " by "
                    + verdict.hostileCase().caller().name() + " -> " + verdict.answer().statuses())
                    .map(line -> line.length() > 300 ? line.substring(0, 300) + "..." : line)
                    .collect(Collectors.joining("\n")) + "\n";
        }
    }

    private HostileInput() {
    }

    /**
     * @param databaseSuffix the suffix of the suite's database names, whose passwords no answer may hold
     * @param newContext     a fresh browser context (for the XSS pages), closed by the caller
     */
    public static Result run(String gatewayUrl, int gatewayPort, String realmUrl, String databaseSuffix,
                             Supplier<BrowserContext> newContext) {
        try (var world = new World(gatewayUrl, gatewayPort, realmUrl, databaseSuffix)) {
            var started = Instant.now();
            var runner = new CaseRunner(world.gateway, world::secretsFor);
            var verdicts = new ArrayList<Verdict>(runner.run(List.of(TokenAttacks.freshShortLivedToken(world))));
            verdicts.addAll(runner.run(MalformedBodies.cases(world)));
            verdicts.addAll(runner.run(WrongTypes.cases(world)));
            verdicts.addAll(runner.run(UnicodeEdges.cases(world)));
            verdicts.addAll(runner.run(Injections.cases(world)));
            var xss = new XssPayloads();
            verdicts.addAll(runner.run(xss.cases(world)));
            verdicts.addAll(new XssInTheBrowser(world, runner, newContext).check(xss));
            verdicts.addAll(runner.run(TokenAttacks.cases(world)));
            verdicts.addAll(runner.run(RoleEscalation.cases(world)));
            verdicts.addAll(runner.run(Idor.cases(world)));
            verdicts.addAll(runner.run(SmugglingAndTraversal.cases(world)));
            return new Result(verdicts, Duration.between(started, Instant.now()));
        }
    }
}
