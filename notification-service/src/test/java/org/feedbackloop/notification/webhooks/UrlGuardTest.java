package org.feedbackloop.notification.webhooks;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.InetAddress;
import java.net.URI;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The SSRF rules, without the network: IP literals are parsed, never looked up. */
class UrlGuardTest {

    private static final UrlGuard PRODUCTION = new UrlGuard(null, Duration.ofSeconds(1), List.of());

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource({
            "127.0.0.1, a loopback address",
            "127.9.9.9, a loopback address",
            "::1, a loopback address",
            "10.0.0.1, a private address",
            "172.16.0.1, a private address",
            "172.31.255.255, a private address",
            "192.168.1.10, a private address",
            "fd12:3456::1, a private address",
            "fc00::1, a private address",
            "169.254.169.254, a link-local address",
            "fe80::1, a link-local address",
            "100.64.0.1, a carrier-grade NAT address",
            "100.127.255.254, a carrier-grade NAT address",
            "224.0.0.1, a multicast address",
            "ff02::1, a multicast address",
            "0.0.0.0, an unspecified address",
            ":: , an unspecified address",
            "0.1.2.3, an unspecified address",
            "255.255.255.255, a reserved or broadcast address",
            "::ffff:10.0.0.1, a private address",
            "::ffff:127.0.0.1, a loopback address",
            "64:ff9b::a9fe:a9fe, a link-local address",
            "2002:c0a8:0101::1, a private address"})
    void nonPublicAddressesAreNamed(String address, String kind) throws Exception {
        assertThat(ReservedAddresses.kindOf(InetAddress.getByName(address.strip()))).contains(kind);
    }

    @ParameterizedTest
    @ValueSource(strings = {"93.184.215.14", "8.8.8.8", "100.63.255.255", "100.128.0.1", "172.32.0.1",
            "2606:4700:4700::1111", "2001:4860:4860::8888"})
    void publicAddressesPass(String address) throws Exception {
        assertThat(ReservedAddresses.kindOf(InetAddress.getByName(address))).isEmpty();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "ftp://example.com/x | must use http or https",
            "file:///etc/passwd | must use http or https",
            "//example.com/x | must use http or https",
            "https://user:pass@example.com/ | must not contain a user name or password",
            "https://token@example.com/ | must not contain a user name or password",
            "http:/example.com | must name a host",
            "http://exa mple.com/ | must be an http or https URL"})
    void malformedUrlsAreRefusedBeforeAnyLookup(String url, String why) {
        assertThatThrownBy(() -> UrlGuard.parse(url)).isInstanceOf(UrlGuard.Refused.class).hasMessageStartingWith(why);
    }

    @Test
    void aUrlOver2000CharactersIsRefused() {
        var url = "https://example.com/" + "a".repeat(1981);
        assertThat(url).hasSize(2001);
        assertThatThrownBy(() -> UrlGuard.parse(url)).hasMessage("must be at most 2000 characters");
        var longest = "http://example.com/" + "a".repeat(1981);
        assertThat(longest).hasSize(2000);
        assertThat(UrlGuard.parse(longest)).isNotNull();
    }

    @Test
    void aPublicAddressIsTheTargetAsChecked() {
        var target = PRODUCTION.resolve(URI.create("https://93.184.215.14:8443/hook"));
        assertThat(target.address().getHostAddress()).isEqualTo("93.184.215.14");
    }

    @Test
    void everyResolvedAddressMustBePublic() {
        assertThatThrownBy(() -> PRODUCTION.resolve(URI.create("http://[::1]:8080/")))
                .isInstanceOf(UrlGuard.Refused.class).hasMessageContaining("loopback");
        assertThatThrownBy(() -> PRODUCTION.resolve(URI.create("http://localhost/")))
                .isInstanceOf(UrlGuard.Refused.class).hasMessageContaining("loopback");
        assertThatThrownBy(() -> PRODUCTION.resolve(URI.create("http://does-not-exist.invalid/")))
                .isInstanceOf(UrlGuard.Refused.class).hasMessage("must name a host that resolves (does-not-exist.invalid does not)");
    }

    @Test
    void allowedPrivateHostsMatchTheHostAsWrittenOrItsAddress() {
        var byAddress = new UrlGuard(null, Duration.ofSeconds(1), List.of("127.0.0.1", "[::1]"));
        assertThat(byAddress.resolve(URI.create("http://127.0.0.1:9000/")).address().getHostAddress()).isEqualTo("127.0.0.1");
        assertThat(byAddress.resolve(URI.create("http://localhost:9000/"))).as("resolves to an allowed address").isNotNull();
        assertThat(byAddress.resolve(URI.create("http://[::1]:9000/"))).isNotNull();
        assertThatThrownBy(() -> byAddress.resolve(URI.create("http://10.0.0.1/"))).isInstanceOf(UrlGuard.Refused.class);

        var byName = new UrlGuard(null, Duration.ofSeconds(1), List.of("LocalHost"));
        assertThat(byName.resolve(URI.create("http://localhost:9000/"))).isNotNull();
        assertThatThrownBy(() -> byName.resolve(URI.create("http://127.0.0.1:9000/"))).isInstanceOf(UrlGuard.Refused.class);
    }
}
