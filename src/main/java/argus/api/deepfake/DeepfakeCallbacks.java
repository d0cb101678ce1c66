package argus.api.deepfake;

import argus.deepfake.DeepfakeAnalysis;
import argus.deepfake.DeepfakeFinished;
import argus.deepfake.DeepfakeService;
import argus.webhook.Webhooks;
import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;

/** When an analysis with a {@code callback_url} is recorded, queues its JSON (as the poll gives it) for delivery. */
@Singleton
class DeepfakeCallbacks implements ApplicationEventListener<DeepfakeFinished> {
    private final DeepfakeService service;
    private final Webhooks webhooks;
    private final JsonMapper json;

    DeepfakeCallbacks(DeepfakeService service, Webhooks webhooks, JsonMapper json) {
        this.service = service;
        this.webhooks = webhooks;
        this.json = json;
    }

    @Override
    public void onApplicationEvent(DeepfakeFinished event) {
        DeepfakeAnalysis analysis = event.analysis();
        if (analysis.callbackUrl() == null) {
            return;
        }
        try {
            webhooks.enqueue(
                    null,
                    analysis.companyId(),
                    analysis.callbackUrl(),
                    json.writeValueAsString(DeepfakeJson.analysis(analysis)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
