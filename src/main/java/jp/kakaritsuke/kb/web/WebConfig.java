package jp.kakaritsuke.kb.web;

import java.time.Duration;
import java.util.Locale;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;
import org.springframework.web.servlet.resource.ResourceUrlEncodingFilter;

/** Japanese first, English by a switch: {@code ?lang=en} sets a cookie that later pages honour. */
@Configuration
class WebConfig implements WebMvcConfigurer {

    static final Locale JAPANESE = Locale.JAPANESE;

    @Bean
    LocaleResolver localeResolver() {
        CookieLocaleResolver resolver = new CookieLocaleResolver("kb-lang");
        resolver.setDefaultLocale(JAPANESE);
        resolver.setCookieMaxAge(Duration.ofDays(365));
        return resolver;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        LocaleChangeInterceptor interceptor = new LocaleChangeInterceptor();
        interceptor.setParamName("lang");
        interceptor.setIgnoreInvalidLocale(true);
        registry.addInterceptor(interceptor);
    }

    /**
     * No rewriting of the links a page writes. The WebJars locator (versionless {@code /webjars/…} paths) turns Spring
     * Boot's resource chain on, and with it a filter that passes every link of every page through the static-resource
     * resolvers ({@code /**} matches them all) — a classpath lookup per link, which made link-heavy pages several
     * times slower. The chain is only needed to serve WebJars without their version; resources are not fingerprinted,
     * so no link needs rewriting. Registering the filter disabled stands in for Spring Boot's own registration.
     */
    @Bean
    FilterRegistrationBean<ResourceUrlEncodingFilter> resourceUrlEncodingFilter() {
        FilterRegistrationBean<ResourceUrlEncodingFilter> registration =
                new FilterRegistrationBean<>(new ResourceUrlEncodingFilter());
        registration.setEnabled(false);
        return registration;
    }
}
