package argus.console;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;

/**
 * The analysts' console: {@code reviewZone} is how close to its threshold a score must lie for its folder to wait in the
 * review queue; {@code pageSize} how many folders a list page shows; {@code capture} whether the capture page is served.
 */
@ConfigurationProperties("argus.console")
public record ConsoleConfig(
        @Bindable(defaultValue = "0.1") double reviewZone,
        @Bindable(defaultValue = "25") int pageSize,
        @Bindable(defaultValue = "true") boolean capture) {}
