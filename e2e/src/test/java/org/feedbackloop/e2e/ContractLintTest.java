package org.feedbackloop.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The two public contracts, linted as an integrator would lint them: the gateway's merged OpenAPI document (Spectral's
 * OpenAPI rules and the OWASP API Security Top 10, {@code contracts/openapi.spectral.yaml}) and
 * {@code docs/asyncapi.yaml} (Spectral's AsyncAPI rules). Spectral comes from npm ({@code contracts/package-lock.json},
 * installed here when missing). Neither may have a finding, error or warning: what a rule cannot ask of a field is a
 * reasoned exception in the ruleset. Every finding is written to {@code target/contract-lint.txt}.
 */
class ContractLintTest {

    @RegisterExtension
    static Suite suite = new Suite();

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String[] SEVERITY = {"error", "warning", "information", "hint"};

    @Test
    void bothContractsPassTheLinterWithinTheirBudget() throws Exception {
        var contracts = Suite.root().resolve("contracts");
        var spectral = installedSpectral(contracts);
        var work = Suite.target().resolve("contracts");
        Files.createDirectories(work);
        var openapi = work.resolve("openapi.json");
        Files.writeString(openapi, fetch(Suite.GATEWAY + "/openapi"));

        var openapiFindings = lint(spectral, contracts.resolve("openapi.spectral.yaml"), openapi);
        var asyncapiFindings = lint(spectral, contracts.resolve("asyncapi.spectral.yaml"),
                Suite.root().resolve("docs/asyncapi.yaml"));
        var report = new StringBuilder();
        report(report, "OpenAPI (GET /openapi)", openapiFindings);
        report(report, "AsyncAPI (docs/asyncapi.yaml)", asyncapiFindings);
        Files.writeString(Suite.target().resolve("contract-lint.txt"), report);
        System.out.println(report);

        assertThat(asyncapiFindings).as("AsyncAPI findings (see target/contract-lint.txt)").isEmpty();
        assertThat(openapiFindings).as("OpenAPI findings (see target/contract-lint.txt)").isEmpty();
    }

    /** Spectral from the lock file; {@code npm ci} when it is not installed yet. */
    private static Path installedSpectral(Path contracts) throws Exception {
        var spectral = contracts.resolve("node_modules/.bin/spectral");
        if (!Files.isExecutable(spectral)) {
            var npm = new ProcessBuilder("npm", "ci", "--no-audit", "--no-fund", "--ignore-scripts")
                    .directory(contracts.toFile()).redirectErrorStream(true)
                    .redirectOutput(Suite.target().resolve("npm-contracts.log").toFile()).start();
            assertThat(npm.waitFor(5, TimeUnit.MINUTES)).as("npm ci in contracts/ within 5 minutes").isTrue();
            assertThat(npm.exitValue()).as("npm ci in contracts/ (see target/npm-contracts.log)").isZero();
        }
        return spectral;
    }

    private static String fetch(String url) throws Exception {
        // HTTP/1.1: the upgrade to HTTP/2 in clear text has failed on a document this large
        var http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        var response = http.send(HttpRequest.newBuilder(URI.create(url))
                .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(url).isEqualTo(200);
        var document = JSON.readTree(response.body());
        assertThat(document.path("info").path("x-missing")).as("every service's part is in it").isEmpty();
        assertThat(document.path("info").path("x-conflicts")).as("no two services define one schema name differently")
                .isEmpty();
        return response.body();
    }

    private static List<JsonNode> lint(Path spectral, Path ruleset, Path document) throws Exception {
        var output = Suite.target().resolve("contracts").resolve(document.getFileName() + ".lint.json");
        var process = new ProcessBuilder(spectral.toString(), "lint", "--ruleset", ruleset.toString(), "--format", "json",
                "--output", output.toString(), "--fail-severity", "error", "--quiet", document.toString())
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        assertThat(process.waitFor(3, TimeUnit.MINUTES)).as("spectral within 3 minutes").isTrue();
        var findings = new ArrayList<JsonNode>();
        JSON.readTree(Files.readString(output)).forEach(findings::add);
        return findings;
    }

    private static Map<String, Integer> byRule(List<JsonNode> findings) {
        var counts = new TreeMap<String, Integer>();
        findings.forEach(finding -> counts.merge(SEVERITY[finding.path("severity").asInt()] + " "
                + finding.path("code").asText(), 1, Integer::sum));
        return counts;
    }

    private static void report(StringBuilder report, String title, List<JsonNode> findings) {
        report.append(title).append(": ").append(findings.size()).append(" findings\n");
        byRule(findings).forEach((rule, count) -> report.append("  ").append(count).append(' ').append(rule).append('\n'));
        for (var finding : findings) {
            report.append("    ").append(SEVERITY[finding.path("severity").asInt()]).append(' ')
                    .append(finding.path("code").asText()).append(" at ")
                    .append(String.join(".", JSON.convertValue(finding.path("path"), String[].class))).append(": ")
                    .append(finding.path("message").asText()).append('\n');
        }
    }

    /** Lines "severity rule count" (after a # the rest is a comment): the findings allowed; a rule not named allows none. */
}
