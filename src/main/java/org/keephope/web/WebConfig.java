package org.keephope.web;

import java.time.Clock;
import org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

@Configuration(proxyBeanMethods = false)
class WebConfig implements WebMvcConfigurer {

    private final LanguageSelection languageSelection;

    private final CacheProperties cacheProperties;

    WebConfig(SiteProperties site, CacheProperties cacheProperties) {
        this.cacheProperties = cacheProperties;
        this.languageSelection = new LanguageSelection(site);
    }

    @Bean
    LocaleResolver localeResolver() {
        return languageSelection;
    }

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    /**
     * Public pages a cache can hold, inside Spring Security's chain (whose {@code no-store} stays on everything
     * else); with {@code keephope.cache.public-max-age=0s} it is not there at all.
     */
    @Bean
    FilterRegistrationBean<PublicPageCache> publicPageCache(
            CacheProperties properties, Clock clock, io.micrometer.core.instrument.MeterRegistry registry) {
        var rendered = new RenderedPages(properties, clock, registry);
        var registration = new FilterRegistrationBean<>(
                new PublicPageCache(properties, clock, registry, rendered, languageSelection));
        registration.setOrder(SecurityFilterProperties.DEFAULT_FILTER_ORDER + 2);
        registration.setEnabled(properties.enabled());
        return registration;
    }

    /**
     * Static files by content-hashed names ({@link StaticAssets}); Boot's own {@code /**} mapping is off
     * ({@code spring.web.resources.add-mappings=false}) so that this is the only one.
     */
    @Override
    public void addResourceHandlers(ResourceHandlerRegistry registry) {
        registry.addResourceHandler("/**")
                .addResourceLocations(StaticAssets.LOCATION)
                .setCacheControl(StaticAssets.plain(cacheProperties))
                .resourceChain(true)
                .addResolver(new StaticAssets.HashedNames());
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        // the API takes ?lang= as a parameter of its own: no cookie, and one answer (one ETag) per address
        registry.addInterceptor(languageSelection).excludePathPatterns("/api/**");
    }
}
