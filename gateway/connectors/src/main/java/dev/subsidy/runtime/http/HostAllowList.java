package dev.subsidy.runtime.http;

import java.net.InetAddress;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The operator's list of hosts connectors may call ({@code gateway.connectors.allowed-hosts}).
 *
 * <p>An entry is an exact host ({@code api.zto.com}, {@code 127.0.0.1}, {@code localhost}) or a
 * suffix with a leading dot ({@code .sf-express.com}, which allows {@code sf-express.com} and every
 * sub-domain). A suffix never matches an IP literal, and a name allowed only by a suffix must not
 * resolve to a loopback, link-local, site-local, wildcard or multicast address
 * ({@link #permitsAddress}): so a definition posted through the API cannot reach the gateway's own
 * machine, a cloud metadata endpoint or the internal network unless the operator listed that exact
 * host. Immutable and thread-safe.
 */
public final class HostAllowList {

    private final List<String> exact = new ArrayList<>();
    private final List<String> suffixes = new ArrayList<>();
    private final List<String> entries;

    public HostAllowList(List<String> entries) {
        this.entries = List.copyOf(entries);
        for (String raw : entries) {
            String e = normalise(raw);
            if (e.isEmpty()) {
                continue;
            }
            if (e.startsWith(".")) {
                suffixes.add(e);
            } else {
                exact.add(e);
            }
        }
    }

    /** Why a URL may not be called, or empty when its host is allowed. */
    public Optional<String> refusal(URI uri) {
        String host = uri.getHost();
        if (host == null || host.isBlank()) {
            return Optional.of("URL without a host");
        }
        if (!permitsHost(host)) {
            return Optional.of("host '" + host + "' is not in gateway.connectors.allowed-hosts (" + describe() + ")");
        }
        return Optional.empty();
    }

    /** Whether the host name (as written in a URL) is allowed. */
    public boolean permitsHost(String host) {
        String h = normalise(host);
        if (exact.contains(h)) {
            return true;
        }
        if (isIpLiteral(h)) {
            return false;
        }
        for (String s : suffixes) {
            if (h.endsWith(s) || h.equals(s.substring(1))) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether {@code host}, resolved to {@code address}, may be connected to: an exactly listed host
     * may resolve anywhere; one allowed by a suffix only to public addresses (DNS could otherwise
     * point a partner-looking name at an internal machine).
     */
    public boolean permitsAddress(String host, InetAddress address) {
        if (exact.contains(normalise(host))) {
            return true;
        }
        return permitsHost(host) && !internal(address);
    }

    private static boolean internal(InetAddress a) {
        return a.isLoopbackAddress() || a.isLinkLocalAddress() || a.isSiteLocalAddress()
                || a.isAnyLocalAddress() || a.isMulticastAddress()
                // IPv6 unique-local fc00::/7, which isSiteLocalAddress does not cover
                || a.getAddress().length == 16 && (a.getAddress()[0] & 0xfe) == 0xfc;
    }

    private static boolean isIpLiteral(String h) {
        return h.indexOf(':') >= 0 || h.matches("[0-9.]+");
    }

    private static String normalise(String host) {
        String h = host.strip().toLowerCase(Locale.ROOT);
        if (h.startsWith("[") && h.endsWith("]")) {
            h = h.substring(1, h.length() - 1);
        }
        return h.endsWith(".") && h.length() > 1 && !h.startsWith(".") ? h.substring(0, h.length() - 1) : h;
    }

    /** The entries, for messages. */
    public String describe() {
        return entries.isEmpty() ? "empty: no outbound calls are allowed" : "allowed: " + String.join(", ", entries);
    }
}
