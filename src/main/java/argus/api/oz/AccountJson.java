package argus.api.oz;

import argus.auth.Company;
import argus.auth.User;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.math.BigDecimal;
import java.util.UUID;

/** Wire records of login, companies and users. */
final class AccountJson {
    private AccountJson() {
    }

    @Serdeable
    record LoginRequest(@Nullable Credentials credentials) {
    }

    @Serdeable
    record Credentials(@Nullable String email, @Nullable String password) {
    }

    @Serdeable
    record RefreshRequest(@JsonProperty("expire_token") @Nullable String expireToken) {
    }

    @Serdeable
    record TokenResponse(@JsonProperty("access_token") String accessToken,
                         @JsonProperty("expire_token") String expireToken,
                         @JsonProperty("expire_date") BigDecimal expireDate,
                         UserJson user) {
    }

    @Serdeable
    record UserJson(@JsonProperty("user_id") UUID userId,
                    @JsonProperty("company_id") UUID companyId,
                    String email,
                    @JsonProperty("first_name") String firstName,
                    @JsonProperty("last_name") String lastName,
                    @JsonProperty("user_type") String userType,
                    @JsonProperty("is_active") boolean active,
                    @JsonProperty("time_created") BigDecimal timeCreated,
                    @JsonProperty("time_updated") BigDecimal timeUpdated) {

        static UserJson of(User user) {
            return new UserJson(user.id(), user.companyId(), user.email(), user.firstName(), user.lastName(),
                    user.role().wireName(), user.active(), OzTime.seconds(user.timeCreated()), OzTime.seconds(user.timeUpdated()));
        }
    }

    @Serdeable
    record UserRequest(@Nullable String email,
                       @Nullable String password,
                       @JsonProperty("current_password") @Nullable String currentPassword,
                       @JsonProperty("company_id") @Nullable UUID companyId,
                       @JsonProperty("user_type") @Nullable String userType,
                       @JsonProperty("first_name") @Nullable String firstName,
                       @JsonProperty("last_name") @Nullable String lastName,
                       @JsonProperty("is_active") @Nullable Boolean active) {
    }

    /** A company; its webhook secret is shown only to those who manage it. */
    @Serdeable
    record CompanyJson(@JsonProperty("company_id") UUID companyId,
                       String name,
                       @JsonProperty("is_active") boolean active,
                       @JsonProperty("webhook_secret") @Nullable String webhookSecret,
                       @JsonProperty("time_created") BigDecimal timeCreated,
                       @JsonProperty("time_updated") BigDecimal timeUpdated) {

        static CompanyJson of(Company company, boolean withSecret) {
            return new CompanyJson(company.id(), company.name(), company.active(), withSecret ? company.webhookSecret() : null,
                    OzTime.seconds(company.timeCreated()), OzTime.seconds(company.timeUpdated()));
        }
    }

    @Serdeable
    record CompanyRequest(@Nullable String name, @JsonProperty("is_active") @Nullable Boolean active) {
    }
}
