package org.partybuilding.gateway.portal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HexFormat;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.config.ResourceHandlerRegistry;
import org.springframework.web.reactive.config.WebFluxConfigurer;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;

/**
 * Serves the portal (module {@code portal}, classpath {@code portal/}). Its own scripts and styles live under
 * {@code /assets/<content hash>/}: the hash of every asset together, so any change moves them all to a new path
 * and they can be cached for a year; {@code index.html} (at {@code /}) names that path and is never cached. The
 * WebJars (Vue, Chart.js) carry their version in the path and are cached for a year as well.
 */
@Configuration(proxyBeanMethods = false)
public class PortalPages implements WebFluxConfigurer {

    static final String ASSETS = "classpath*:portal/assets/**";
    private static final Duration YEAR = Duration.ofDays(365);

    private final String fingerprint;
    private final String indexHtml;

    public PortalPages() {
        this.fingerprint = computeFingerprint();
        this.indexHtml = readIndex().replace("@assets@", assetsPath(fingerprint));
    }

    static String assetsPath(String fingerprint) {
        return "/assets/" + fingerprint;
    }

    /** The content hash in the assets' path. */
    public String fingerprint() {
        return fingerprint;
    }

    private static String computeFingerprint() {
        try {
            Resource[] assets = new PathMatchingResourcePatternResolver().getResources(ASSETS);
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            Arrays.stream(assets).filter(Resource::isReadable)
                    .sorted(Comparator.comparing(PortalPages::pathOf))
                    .forEach(resource -> {
                        digest.update(pathOf(resource).getBytes(StandardCharsets.UTF_8));
                        try (InputStream in = resource.getInputStream()) {
                            digest.update(in.readAllBytes());
                        } catch (IOException e) {
                            throw new UncheckedIOException(e);
                        }
                    });
            return HexFormat.of().formatHex(digest.digest()).substring(0, 16);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the portal's assets", e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String pathOf(Resource resource) {
        try {
            String url = resource.getURL().toString();
            return url.substring(url.lastIndexOf("portal/assets/"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String readIndex() {
        try (InputStream in = new ClassPathResource("portal/index.html").getInputStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("the portal's index.html is not on the classpath", e);
        }
    }

    @Bean
    RouterFunction<ServerResponse> portalIndex() {
        return RouterFunctions.route()
                .GET("/", request -> ServerResponse.ok()
                        .contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8))
                        .cacheControl(CacheControl.noCache())
                        .header("X-Content-Type-Options", "nosniff")
                        .header("Referrer-Policy", "same-origin")
                        .bodyValue(indexHtml))
                .GET("/index.html", request -> ServerResponse.permanentRedirect(java.net.URI.create("/")).build())
                .build();
    }

    @Override
    public void addResourceHandlers(ResourceHandlerRegistry registry) {
        registry.addResourceHandler(assetsPath(fingerprint) + "/**")
                .addResourceLocations("classpath:/portal/assets/")
                .setCacheControl(CacheControl.maxAge(YEAR).cachePublic().immutable());
    }
}
