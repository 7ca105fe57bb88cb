package org.partybuilding.platform.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicInteger;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.junit.jupiter.api.Test;
import org.springframework.core.log.LogMessage;

/**
 * Spring's logging API (Apache Commons Logging) leaves a message it will not log unrendered: commons-logging.properties
 * picks the Log4j API adapter, which checks the level first, instead of commons-logging's SLF4J adapter, which renders
 * every message (Spring Security's per-request {@code LogMessage.format} debug lines included) before SLF4J drops it.
 */
class CommonsLoggingTest {

    @Test
    void aDebugMessageIsNotRenderedWhenDebugIsOff() {
        Log log = LogFactory.getLog("org.springframework.security.web.server.util.matcher.OrServerWebExchangeMatcher");
        assertThat(log.isDebugEnabled()).isFalse();
        AtomicInteger rendered = new AtomicInteger();
        log.debug(LogMessage.of(() -> "rendered " + rendered.incrementAndGet()));
        log.trace(LogMessage.of(() -> "rendered " + rendered.incrementAndGet()));
        assertThat(rendered).hasValue(0);
    }

    @Test
    void enabledLevelsStillReachTheLog() {
        Log log = LogFactory.getLog(CommonsLoggingTest.class);
        assertThat(log.isWarnEnabled()).isTrue();
        AtomicInteger rendered = new AtomicInteger();
        log.warn(LogMessage.of(() -> "CommonsLoggingTest: rendered " + rendered.incrementAndGet()));
        assertThat(rendered).hasValue(1);
    }
}
