package dev.subsidy.gateway;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * The gateway: this package's web, security, storage and wiring, with the connector runtime's
 * configuration ({@code dev.subsidy.runtime}) and the intake's settings ({@code dev.subsidy.intake}).
 */
@SpringBootApplication(scanBasePackages = {"dev.subsidy.gateway", "dev.subsidy.runtime"})
@ConfigurationPropertiesScan({"dev.subsidy.gateway", "dev.subsidy.runtime", "dev.subsidy.intake"})
public class GatewayApplication {
    public static void main(String[] args) {
        SpringApplication.run(GatewayApplication.class, args);
    }
}
