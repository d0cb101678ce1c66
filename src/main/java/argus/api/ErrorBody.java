package argus.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.micronaut.serde.annotation.Serdeable;

/** The one error shape every refusal of the service has. */
@Serdeable
public record ErrorBody(@JsonProperty("error_code") String errorCode, @JsonProperty("error_message") String errorMessage) {
}
