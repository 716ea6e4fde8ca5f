package dev.subsidy.gateway.security;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.Filter;
import java.lang.reflect.Method;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * What got past the security chain: every dispatch that reached the innermost filter (in front of the
 * dispatcher, error dispatches included), and every controller method the dispatcher was about to
 * run. Both stay empty for a call refused before any handler.
 */
final class HandlerLog {

    private final AtomicInteger dispatches = new AtomicInteger();
    private final List<Object> handlers = new CopyOnWriteArrayList<>();

    void reset() {
        dispatches.set(0);
        handlers.clear();
    }

    int dispatches() {
        return dispatches.get();
    }

    /** The Java methods of the handlers run, in order. */
    List<Method> handlerMethods() {
        return handlers.stream().filter(HandlerMethod.class::isInstance).map(h -> ((HandlerMethod) h).getMethod()).toList();
    }

    List<Object> handlers() {
        return List.copyOf(handlers);
    }

    @TestConfiguration(proxyBeanMethods = false)
    static class Recording {

        @Bean
        HandlerLog handlerLog() {
            return new HandlerLog();
        }

        @Bean
        WebMvcConfigurer recordHandlers(HandlerLog log) {
            return new WebMvcConfigurer() {
                @Override
                public void addInterceptors(InterceptorRegistry registry) {
                    registry.addInterceptor(new HandlerInterceptor() {
                        @Override
                        public boolean preHandle(jakarta.servlet.http.HttpServletRequest request,
                                                 jakarta.servlet.http.HttpServletResponse response, Object handler) {
                            log.handlers.add(handler);
                            return true;
                        }
                    });
                }
            };
        }

        @Bean
        FilterRegistrationBean<Filter> recordDispatches(HandlerLog log) {
            Filter counting = (request, response, chain) -> {
                log.dispatches.incrementAndGet();
                chain.doFilter(request, response);
            };
            FilterRegistrationBean<Filter> registration = new FilterRegistrationBean<>(counting);
            registration.setOrder(Ordered.LOWEST_PRECEDENCE); // after Spring Security's chain (-100)
            registration.setDispatcherTypes(DispatcherType.REQUEST, DispatcherType.ERROR, DispatcherType.FORWARD,
                    DispatcherType.INCLUDE, DispatcherType.ASYNC);
            return registration;
        }
    }
}
