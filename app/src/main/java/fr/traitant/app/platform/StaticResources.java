package fr.traitant.app.platform;

import java.time.Duration;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.CacheControl;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.resource.LiteWebJarsResourceResolver;

/**
 * The static files, under their own prefixes only (Spring Boot's default mapping, {@code /**}, is off:
 * {@code spring.web.resources.add-mappings=false}). With the default, every link a page builds — {@code @{/communes}}
 * as much as {@code @{/dsfr/dsfr.min.css}} — was looked up as a file on the class path through the web-jar resolver
 * on every rendering, and a miss is not cached: that lookup was most of the home page's time (issue 22: 33 pages/s).
 * Now a page link matches no static prefix and costs nothing; static files are cached by browsers for an hour.
 */
@Configuration(proxyBeanMethods = false)
class StaticResources implements WebMvcConfigurer {

    static final CacheControl CACHE = CacheControl.maxAge(Duration.ofHours(1));

    @Override
    public void addResourceHandlers(ResourceHandlerRegistry registry) {
        for (String folder : new String[] {"dsfr", "css", "js"}) {
            registry.addResourceHandler("/" + folder + "/**")
                    .addResourceLocations("classpath:/static/" + folder + "/")
                    .setCacheControl(CACHE)
                    .resourceChain(true);
        }
        // version-less web-jar paths (/webjars/leaflet/dist/leaflet.js) resolved to the jar's version
        registry.addResourceHandler("/webjars/**")
                .addResourceLocations("classpath:/META-INF/resources/webjars/")
                .setCacheControl(CACHE)
                .resourceChain(true)
                .addResolver(new LiteWebJarsResourceResolver());
    }
}
