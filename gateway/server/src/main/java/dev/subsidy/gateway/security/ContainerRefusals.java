package dev.subsidy.gateway.security;

import org.apache.tomcat.util.buf.EncodedSolidusHandling;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.core.Ordered;

/**
 * What Tomcat does with a request before Spring Security sees it. Encoded {@code /} and {@code \} are
 * passed through, so the firewall refuses them with its reason (Tomcat would refuse them itself, with
 * a reason nobody can act on); what Tomcat still refuses on its own (a request line that is not HTTP,
 * {@code ..} above the root, bytes that are not UTF-8) is answered in JSON by the web package's error
 * report valve, like every other error.
 */
final class ContainerRefusals implements WebServerFactoryCustomizer<TomcatServletWebServerFactory>, Ordered {

    @Override
    public void customize(TomcatServletWebServerFactory factory) {
        factory.addConnectorCustomizers(connector -> {
            connector.setEncodedSolidusHandling(EncodedSolidusHandling.PASS_THROUGH.getValue());
            connector.setEncodedReverseSolidusHandling(EncodedSolidusHandling.PASS_THROUGH.getValue());
        });
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
