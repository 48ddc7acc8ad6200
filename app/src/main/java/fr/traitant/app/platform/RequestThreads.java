package fr.traitant.app.platform;

import org.springframework.boot.tomcat.ConfigurableTomcatWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;

/**
 * Web requests run on Tomcat's own pool of platform threads ({@code server.tomcat.threads.max}), while the
 * application's background work keeps virtual threads ({@code spring.threads.virtual.enabled}). Measured on the 2-core
 * machine (issue 22, {@code benchmarks/wrk/run}, ADR 0076): with a virtual thread per request the doctor search served
 * more requests per second but unevenly — new requests waited behind the carriers' own queues, p99 90–131 ms at 32
 * connections; a small pool of platform threads shares the processors fairly, p99 35–52 ms. This customizer runs
 * after Spring Boot's, which had given Tomcat a virtual-thread executor: without one, Tomcat builds its pool.
 */
@Component
class RequestThreads implements WebServerFactoryCustomizer<ConfigurableTomcatWebServerFactory>, Ordered {

    @Override
    public void customize(ConfigurableTomcatWebServerFactory factory) {
        factory.addProtocolHandlerCustomizers(handler -> handler.setExecutor(null));
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
