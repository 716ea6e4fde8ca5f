package dev.subsidy.runtime.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Test;

class HostAllowListTest {

    private final HostAllowList hosts = new HostAllowList(List.of("japi.zto.com", ".sf-express.com", "localhost"));

    @Test
    void exactNamesAndSuffixesAreAllowedAndNothingElse() {
        assertThat(hosts.permitsHost("japi.zto.com")).isTrue();
        assertThat(hosts.permitsHost("JAPI.ZTO.COM.")).isTrue();
        assertThat(hosts.permitsHost("evil.japi.zto.com")).isFalse();
        assertThat(hosts.permitsHost("bsp.sf-express.com")).isTrue();
        assertThat(hosts.permitsHost("sf-express.com")).isTrue();
        assertThat(hosts.permitsHost("sf-express.com.evil.net")).isFalse();
        assertThat(hosts.permitsHost("notsf-express.com")).isFalse();
    }

    @Test
    void loopbackAndInternalAddressesOnlyWhenListedExactly() throws Exception {
        assertThat(hosts.permitsHost("localhost")).isTrue();
        assertThat(hosts.permitsHost("127.0.0.1")).isFalse();
        assertThat(hosts.permitsHost("[::1]")).isFalse();
        assertThat(hosts.permitsHost("169.254.169.254")).isFalse();
        assertThat(new HostAllowList(List.of("127.0.0.1")).permitsHost("127.0.0.1")).isTrue();

        InetAddress loopback = InetAddress.getByName("127.0.0.1");
        InetAddress metadata = InetAddress.getByName("169.254.169.254");
        InetAddress privateNet = InetAddress.getByName("10.1.2.3");
        InetAddress uniqueLocal = InetAddress.getByName("fd00::1");
        InetAddress publicAddress = InetAddress.getByName("203.0.113.7");
        // a suffix-allowed name that DNS points inside is refused at connect time
        assertThat(hosts.permitsAddress("bsp.sf-express.com", publicAddress)).isTrue();
        assertThat(hosts.permitsAddress("bsp.sf-express.com", loopback)).isFalse();
        assertThat(hosts.permitsAddress("bsp.sf-express.com", metadata)).isFalse();
        assertThat(hosts.permitsAddress("bsp.sf-express.com", privateNet)).isFalse();
        assertThat(hosts.permitsAddress("bsp.sf-express.com", uniqueLocal)).isFalse();
        // the operator named localhost exactly: it may be loopback
        assertThat(hosts.permitsAddress("localhost", loopback)).isTrue();
    }

    @Test
    void aRefusalNamesTheHostAndTheList() {
        assertThat(hosts.refusal(URI.create("https://internal.corp/api"))).hasValue(
                "host 'internal.corp' is not in gateway.connectors.allowed-hosts (allowed: japi.zto.com, .sf-express.com, localhost)");
        assertThat(hosts.refusal(URI.create("https://japi.zto.com/track"))).isEmpty();
        assertThat(new HostAllowList(List.of()).refusal(URI.create("https://japi.zto.com/")))
                .hasValueSatisfying(r -> assertThat(r).endsWith("(empty: no outbound calls are allowed)"));
    }
}
