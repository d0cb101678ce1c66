package argus.webhook;

import argus.Poller;
import argus.Timestamps;
import argus.auth.Company;
import argus.auth.CompanyRepository;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.context.event.StartupEvent;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends queued webhooks: a POST of the payload with {@code X-Argus-Signature: sha256=<hex>}, the HMAC-SHA256 under the
 * company's webhook secret of {@code <X-Argus-Timestamp>.<body>}, so a receiver can check origin and freshness. A
 * failed attempt is retried with exponential backoff up to the configured number of attempts; every attempt's status
 * or error is recorded. Deliveries are claimed with a lease, so several instances never send the same one at once.
 */
@Singleton
public class WebhookSender implements ApplicationEventListener<StartupEvent> {
    private final Timestamps timestamps;
    public static final String SIGNATURE = "X-Argus-Signature";
    public static final String TIMESTAMP = "X-Argus-Timestamp";
    public static final String DELIVERY = "X-Argus-Delivery";
    private static final Logger LOG = LoggerFactory.getLogger(WebhookSender.class);
    private static final int BATCH = 16;

    private final WebhookDeliveryRepository deliveries;
    private final CompanyRepository companies;
    private final WebhookConfig config;
    private final OutboundHttp http;
    private final String owner = "webhooks/" + UUID.randomUUID();
    private final Poller poller;
    private final MeterRegistry metrics;

    public WebhookSender(
            Timestamps timestamps,
            WebhookDeliveryRepository deliveries,
            CompanyRepository companies,
            WebhookConfig config,
            OutboundHttp http,
            MeterRegistry metrics) {
        this.timestamps = timestamps;
        this.metrics = metrics;
        this.deliveries = deliveries;
        this.companies = companies;
        this.config = config;
        this.http = http;
        this.poller = new Poller("webhook-sender", config.poll(), this::sendDue);
    }

    @Override
    public void onApplicationEvent(StartupEvent event) {
        poller.start();
    }

    void wake() {
        poller.wake();
    }

    private void sendDue() {
        Instant now = timestamps.now();
        for (WebhookDelivery delivery : deliveries.findDue(now, BATCH)) {
            Instant lease = now.plus(config.timeout().multipliedBy(3));
            if (deliveries.claim(delivery.id(), owner, lease, now) == 1) {
                Thread.ofVirtual().name("webhook-" + delivery.id()).start(() -> attempt(delivery));
            }
        }
    }

    private void attempt(WebhookDelivery delivery) {
        Integer status = null;
        String error = null;
        String refusal = Endpoints.refusal(delivery.url(), config.allowPrivate());
        if (refusal != null) {
            error = "endpoint refused: " + refusal;
        } else {
            try {
                status = post(delivery);
                if (status < 200 || status >= 300) {
                    error = "the endpoint answered " + status;
                }
            } catch (Exception e) {
                error = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
            }
        }
        record(delivery, status, error);
    }

    private int post(WebhookDelivery delivery) throws Exception {
        String secret = companies
                .findById(delivery.companyId())
                .map(Company::webhookSecret)
                .orElse("");
        String timestamp = Long.toString(timestamps.now().getEpochSecond());
        return http.postJson(
                delivery.url(),
                Map.of(
                        DELIVERY,
                        delivery.id().toString(),
                        TIMESTAMP,
                        timestamp,
                        SIGNATURE,
                        "sha256=" + signature(secret, timestamp, delivery.payload())),
                delivery.payload(),
                config.timeout());
    }

    /** HMAC-SHA256 under the secret of {@code <timestamp>.<body>}, hex encoded. */
    public static String signature(String secret, String timestamp, String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal((timestamp + "." + body).getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private void record(WebhookDelivery delivery, Integer status, String error) {
        Instant now = timestamps.now();
        if (error == null) {
            deliveries.update(delivery.attempted(WebhookDelivery.DeliveryState.DELIVERED, status, null, now, now));
            count("delivered");
            return;
        }
        int attempts = delivery.attempts() + 1;
        boolean exhausted = attempts >= config.maxAttempts();
        Duration delay = config.firstRetry().multipliedBy(1L << Math.min(attempts - 1, 20));
        if (delay.compareTo(config.maxRetryDelay()) > 0) {
            delay = config.maxRetryDelay();
        }
        String clipped = error.length() > 1000 ? error.substring(0, 1000) : error;
        deliveries.update(delivery.attempted(
                exhausted ? WebhookDelivery.DeliveryState.FAILED : WebhookDelivery.DeliveryState.PENDING,
                status,
                clipped,
                now.plus(delay),
                now));
        LOG.info(
                "webhook {} attempt {} failed: {}{}",
                delivery.id(),
                attempts,
                clipped,
                exhausted ? " (giving up)" : "");
        count(exhausted ? "given_up" : "retrying");
    }

    private void count(String outcome) {
        Counter.builder("argus.webhook.deliveries")
                .description("webhook delivery attempts, by outcome")
                .tag("outcome", outcome)
                .register(metrics)
                .increment();
    }

    @PreDestroy
    void stop() {
        poller.stop();
    }
}
