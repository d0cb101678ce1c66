package argus.api.oz;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.math.BigDecimal;
import java.util.UUID;

/** Wire records of {@code /api/authorize}. */
final class AuthJson {
    private AuthJson() {
    }

    @Serdeable
    record LoginRequest(@Nullable Credentials credentials) {
    }

    @Serdeable
    record Credentials(@Nullable String email, @Nullable String password) {
    }

    @Serdeable
    record LoginResponse(@JsonProperty("access_token") String accessToken,
                         @JsonProperty("expire_date") BigDecimal expireDate,
                         UserJson user) {
    }

    @Serdeable
    record UserJson(@JsonProperty("user_id") UUID userId,
                    @JsonProperty("company_id") UUID companyId,
                    String email,
                    @JsonProperty("user_type") String userType) {
    }
}
