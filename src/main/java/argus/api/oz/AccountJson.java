package argus.api.oz;

import argus.auth.Company;
import argus.auth.Permissions;
import argus.auth.Role;
import argus.auth.User;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.math.BigDecimal;
import java.util.Map;
import java.util.UUID;

/** Wire records of login, companies and users. */
final class AccountJson {
    private AccountJson() {}

    @Serdeable
    record LoginRequest(@Nullable Credentials credentials) {}

    @Serdeable
    record Credentials(@Nullable String email, @Nullable String password) {}

    @Serdeable
    record RefreshRequest(
            @JsonProperty("expire_token") @Nullable String expireToken) {}

    @Serdeable
    record TokenResponse(
            @JsonProperty("access_token") String accessToken,
            @JsonProperty("expire_token") String expireToken,
            @JsonProperty("expire_date") BigDecimal expireDate,
            UserJson user) {}

    /**
     * A user with its role in both spellings: the 6.x {@code user_type} and the ≤ 5.3 flags {@code is_admin} and
     * {@code is_service}; likewise the permission flags under both their names.
     */
    @Serdeable
    record UserJson(
            @JsonProperty("user_id") UUID userId,
            @JsonProperty("company_id") UUID companyId,
            String email,
            @JsonProperty("first_name") String firstName,
            @JsonProperty("middle_name") String middleName,
            @JsonProperty("last_name") String lastName,
            @JsonProperty("user_type") String userType,
            @JsonProperty("is_admin") boolean admin,
            @JsonProperty("is_service") boolean service,
            @JsonProperty("is_active") boolean active,
            @JsonProperty("can_start_analyse_biometry") boolean canStartAnalyseBiometry,
            @JsonProperty("can_start_analyse_quality") boolean canStartAnalyseQuality,
            @JsonProperty("can_start_analysis_biometry") boolean canStartAnalysisBiometry,
            @JsonProperty("can_start_analysis_quality") boolean canStartAnalysisQuality,
            @JsonProperty("can_start_analysis_collection") boolean canStartAnalysisCollection,
            @JsonProperty("meta_data") Map<String, Object> metaData,
            @JsonProperty("time_created") BigDecimal timeCreated,
            @JsonProperty("time_updated") BigDecimal timeUpdated) {

        static UserJson of(User user) {
            Permissions can = user.permissions();
            return new UserJson(
                    user.id(),
                    user.companyId(),
                    user.email(),
                    user.firstName(),
                    user.middleName(),
                    user.lastName(),
                    user.role().wireName(),
                    user.role().isAdminFlag(),
                    user.role().isServiceFlag(),
                    user.active(),
                    can.biometry(),
                    can.quality(),
                    can.biometry(),
                    can.quality(),
                    can.collection(),
                    user.metaData(),
                    OzTime.seconds(user.timeCreated()),
                    OzTime.seconds(user.timeUpdated()));
        }
    }

    @Serdeable
    record UserRequest(
            @Nullable String email,
            @Nullable String password,
            @JsonProperty("current_password") @Nullable String currentPassword,
            @JsonProperty("company_id") @Nullable UUID companyId,
            @JsonProperty("user_type") @Nullable String userType,
            @JsonProperty("is_admin") @Nullable Boolean admin,
            @JsonProperty("is_service") @Nullable Boolean service,
            @JsonProperty("first_name") @Nullable String firstName,
            @JsonProperty("middle_name") @Nullable String middleName,
            @JsonProperty("last_name") @Nullable String lastName,
            @JsonProperty("is_active") @Nullable Boolean active,

            @JsonProperty("can_start_analyse_biometry") @Nullable
            Boolean canStartAnalyseBiometry,

            @JsonProperty("can_start_analyse_quality") @Nullable
            Boolean canStartAnalyseQuality,

            @JsonProperty("can_start_analysis_biometry") @Nullable
            Boolean canStartAnalysisBiometry,

            @JsonProperty("can_start_analysis_quality") @Nullable
            Boolean canStartAnalysisQuality,

            @JsonProperty("can_start_analysis_collection") @Nullable
            Boolean canStartAnalysisCollection,

            @JsonProperty("meta_data") @Nullable Map<String, Object> metaData) {

        /** The role asked for: {@code user_type} in either spelling, adjusted by the ≤ 5.3 flags. */
        @Nullable
        Role role(@Nullable Role current) {
            Role base = userType == null ? current : Role.parse(userType);
            return base == null ? null : base.withFlags(admin, service);
        }

        /** The permissions asked for, the unnamed ones as in {@code current}; null when none is named. */
        @Nullable
        Permissions permissions(Permissions current) {
            Boolean biometry = canStartAnalysisBiometry != null ? canStartAnalysisBiometry : canStartAnalyseBiometry;
            Boolean quality = canStartAnalysisQuality != null ? canStartAnalysisQuality : canStartAnalyseQuality;
            if (biometry == null && quality == null && canStartAnalysisCollection == null) {
                return null;
            }
            return new Permissions(
                    quality != null ? quality : current.quality(),
                    biometry != null ? biometry : current.biometry(),
                    canStartAnalysisCollection != null ? canStartAnalysisCollection : current.collection());
        }
    }

    /** A company; its webhook secret is shown only to those who manage it. */
    @Serdeable
    record CompanyJson(
            @JsonProperty("company_id") UUID companyId,
            String name,
            @JsonProperty("is_active") boolean active,
            @JsonProperty("webhook_secret") @Nullable String webhookSecret,
            @JsonProperty("meta_data") Map<String, Object> metaData,
            @JsonProperty("technical_meta_data") Map<String, Object> technicalMetaData,
            @JsonProperty("time_created") BigDecimal timeCreated,
            @JsonProperty("time_updated") BigDecimal timeUpdated) {

        static CompanyJson of(Company company, boolean withSecret) {
            return new CompanyJson(
                    company.id(),
                    company.name(),
                    company.active(),
                    withSecret ? company.webhookSecret() : null,
                    company.metaData(),
                    Map.of(),
                    OzTime.seconds(company.timeCreated()),
                    OzTime.seconds(company.timeUpdated()));
        }
    }

    @Serdeable
    record CompanyRequest(
            @Nullable String name,
            @JsonProperty("is_active") @Nullable Boolean active) {}
}
