package dev.subsidy.runtime.http;

import java.net.InetAddress;
import java.net.UnknownHostException;
import org.apache.hc.client5.http.DnsResolver;
import org.apache.hc.client5.http.SystemDefaultDnsResolver;

/**
 * Resolves host names for connectors' outbound calls and refuses a name allowed only by a suffix
 * that resolves to an internal address (see {@link HostAllowList#permitsAddress}). Checked at
 * connect time, after the URL check, so DNS cannot redirect an allowed name to the gateway's own
 * network.
 */
final class AllowListDnsResolver implements DnsResolver {

    private final HostAllowList hosts;

    AllowListDnsResolver(HostAllowList hosts) {
        this.hosts = hosts;
    }

    @Override
    public InetAddress[] resolve(String host) throws UnknownHostException {
        InetAddress[] addresses = SystemDefaultDnsResolver.INSTANCE.resolve(host);
        for (InetAddress a : addresses) {
            if (!hosts.permitsAddress(host, a)) {
                throw new UnknownHostException("host '" + host + "' resolves to an internal address, which only an "
                        + "exact entry of gateway.connectors.allowed-hosts allows");
            }
        }
        return addresses;
    }

    @Override
    public String resolveCanonicalHostname(String host) throws UnknownHostException {
        return SystemDefaultDnsResolver.INSTANCE.resolveCanonicalHostname(host);
    }
}
