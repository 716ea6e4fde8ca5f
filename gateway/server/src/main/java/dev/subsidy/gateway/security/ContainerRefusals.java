package dev.subsidy.gateway.security;

import org.apache.catalina.Host;
import org.apache.catalina.Valve;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.tomcat.util.buf.EncodedSolidusHandling;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.core.Ordered;

/**
 * What Tomcat does with a request before Spring Security sees it. Encoded {@code /} and {@code \} are
 * passed through, so the firewall refuses them with its reason (Tomcat would refuse them itself, with an
 * HTML page); what Tomcat still refuses on its own (a request line that is not HTTP, {@code ..} above
 * the root, bytes that are not UTF-8) is answered in JSON ({@link JsonErrorReportValve}), like every
 * other error. Ordered last so that it replaces the error report Spring Boot sets up.
 */
final class ContainerRefusals implements WebServerFactoryCustomizer<TomcatServletWebServerFactory>, Ordered {

    @Override
    public void customize(TomcatServletWebServerFactory factory) {
        factory.addConnectorCustomizers(connector -> {
            connector.setEncodedSolidusHandling(EncodedSolidusHandling.PASS_THROUGH.getValue());
            connector.setEncodedReverseSolidusHandling(EncodedSolidusHandling.PASS_THROUGH.getValue());
        });
        factory.addContextCustomizers(context -> {
            Host host = (Host) context.getParent();
            for (Valve valve : host.getPipeline().getValves()) {
                if (valve instanceof ErrorReportValve) {
                    host.getPipeline().removeValve(valve);
                }
            }
            host.getPipeline().addValve(new JsonErrorReportValve());
            if (host instanceof StandardHost standard) {
                // or the host adds Tomcat's HTML report again when it starts
                standard.setErrorReportValveClass(JsonErrorReportValve.class.getName());
            }
        });
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
