package dev.subsidy.gateway.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Optional;
import org.springframework.security.web.firewall.FirewalledRequest;
import org.springframework.security.web.firewall.HttpFirewall;
import org.springframework.security.web.firewall.StrictHttpFirewall;

/**
 * The first thing every request meets: a path that is not canonical ({@link CanonicalPath}) is refused
 * with its reason, then Spring's {@link StrictHttpFirewall} applies its own checks (methods, paths,
 * hosts, header and parameter names). Refusals answer 400 through {@link Refusals#rejected}.
 */
final class GatewayFirewall implements HttpFirewall {

    private final StrictHttpFirewall strict = new StrictHttpFirewall();

    GatewayFirewall() {
        // Containers read header bytes as ISO-8859-1, so a UTF-8 value (X-Entered-By: 李伟) arrives as
        // characters 0x80-0xFF, some of them C1 controls that the default refuses. Only what could split
        // a header (C0 controls but tab, DEL) is refused here.
        strict.setAllowedHeaderValues(GatewayFirewall::isHeaderValueAllowed);
    }

    @Override
    public FirewalledRequest getFirewalledRequest(HttpServletRequest request) {
        Optional<String> problem = CanonicalPath.problem(request.getRequestURI());
        if (problem.isPresent()) {
            throw new NonCanonicalPathException("the request path '" + shortened(request.getRequestURI())
                    + "' is not in canonical form: " + problem.get());
        }
        return strict.getFirewalledRequest(request);
    }

    @Override
    public HttpServletResponse getFirewalledResponse(HttpServletResponse response) {
        return strict.getFirewalledResponse(response);
    }

    private static String shortened(String path) {
        return path.length() <= 200 ? path : path.substring(0, 200) + "…";
    }

    static boolean isHeaderValueAllowed(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if ((c < 0x20 && c != '\t') || c == 0x7F) {
                return false;
            }
        }
        return true;
    }
}
