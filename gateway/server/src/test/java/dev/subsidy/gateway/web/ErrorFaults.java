package dev.subsidy.gateway.web;

import jakarta.servlet.Filter;
import jakarta.servlet.http.HttpServletResponse;
import java.sql.SQLTransientConnectionException;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Faults no real endpoint can be made to show on demand, for {@link ErrorShapeIT}: a bug in a
 * controller, a bug and a refusal in a servlet filter (before the dispatcher), a pool that cannot
 * hand out a connection, a request that runs out of heap, and a required query parameter. Test-only: never in the application.
 */
@TestConfiguration(proxyBeanMethods = false)
class ErrorFaults {

    static final String SECRET = "jdbc:postgresql://db.internal:5432/gateway password=hunter2";
    static final String BASE = "/api/v1/test-faults";

    @Bean
    FilterRegistrationBean<Filter> faultyFilter() {
        Filter filter = (request, response, chain) -> {
            String uri = ((jakarta.servlet.http.HttpServletRequest) request).getRequestURI();
            if (uri.endsWith("/bug-in-a-filter")) {
                throw new IllegalStateException("filter bug near " + SECRET);
            }
            ((HttpServletResponse) response).sendError(429, "slow down: refused by a filter");
        };
        FilterRegistrationBean<Filter> registration = new FilterRegistrationBean<>(filter);
        registration.addUrlPatterns(BASE + "/bug-in-a-filter", BASE + "/refused-by-a-filter");
        return registration;
    }

    /** Registered as a member of this configuration where it is imported; never found by component scanning. */
    @RestController
    static class FaultyController {

        @GetMapping(BASE + "/bug")
        String bug() {
            throw new IllegalStateException("unexpected state near " + SECRET);
        }

        @GetMapping(BASE + "/no-connection")
        String noConnection() {
            throw new CannotGetJdbcConnectionException("Failed to obtain JDBC Connection",
                    new SQLTransientConnectionException("sqlite - Connection is not available, request timed out after 120000ms."));
        }

        @GetMapping(BASE + "/out-of-heap")
        String outOfHeap() {
            throw new OutOfMemoryError("Java heap space");
        }

        @GetMapping(BASE + "/needs-period")
        String needsPeriod(@RequestParam String period) {
            return period;
        }
    }
}
