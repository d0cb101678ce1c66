package argus.storage;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import java.time.Duration;

/**
 * The orphan sweep.
 *
 * @param orphanGrace how old an unreferenced object or staged upload must be before it is removed: longer than any
 *                    request takes, so that work in flight on this or another instance is never touched
 */
@ConfigurationProperties("argus.storage")
public record SweepConfig(@Bindable(defaultValue = "15m") Duration orphanGrace) {}
