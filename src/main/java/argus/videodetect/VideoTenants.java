package argus.videodetect;

import argus.ArgusException;
import argus.Digests;
import argus.ErrorCode;
import argus.Timestamps;
import argus.auth.Caller;
import argus.auth.CompanyRepository;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Setting a company up for the video-detect contract: its tenant slug, credit balance and metadata schema (service
 * administrators only), and its API keys (administrators of the company too). A key is shown once and stored only
 * as its SHA-256.
 */
@Singleton
public class VideoTenants {
    private final Timestamps timestamps;
    private static final Pattern SLUG = Pattern.compile("[a-z0-9][a-z0-9-]{0,62}");
    private static final List<String> SCOPES = List.of(ApiKey.WRITE, ApiKey.READ);

    private final VideoTenantRepository tenants;
    private final ApiKeyRepository keys;
    private final CompanyRepository companies;
    private final SecureRandom random = new SecureRandom();

    public VideoTenants(
            Timestamps timestamps, VideoTenantRepository tenants, ApiKeyRepository keys, CompanyRepository companies) {
        this.timestamps = timestamps;
        this.tenants = tenants;
        this.keys = keys;
        this.companies = companies;
    }

    public VideoTenant configure(
            Caller caller, UUID companyId, String slug, long credits, @Nullable Map<String, Object> schema) {
        caller.require(caller.role().managesCompanies(), "configure tenants");
        companies
                .findById(companyId)
                .orElseThrow(() -> new ArgusException(ErrorCode.COMPANY_NOT_FOUND, "no company " + companyId));
        if (slug == null || !SLUG.matcher(slug).matches()) {
            throw new ArgusException(
                    ErrorCode.INVALID_TENANT_SLUG, "tenant_slug: lower-case letters, digits and '-', at most 63");
        }
        if (credits < 0) {
            throw new ArgusException(ErrorCode.INVALID_CREDITS, "credits cannot be negative");
        }
        if (schema != null && !MetadataSchema.problemsOf(schema).isEmpty()) {
            throw new ArgusException(
                    ErrorCode.INVALID_METADATA_SCHEMA, String.join("; ", MetadataSchema.problemsOf(schema)));
        }
        tenants.findByTenantSlug(slug)
                .filter(other -> !other.companyId().equals(companyId))
                .ifPresent(other -> {
                    throw new ArgusException(
                            ErrorCode.TENANT_SLUG_TAKEN, "tenant_slug '" + slug + "' belongs to another company");
                });
        VideoTenant tenant = new VideoTenant(companyId, slug, credits, schema, timestamps.now());
        return tenants.existsById(companyId) ? tenants.update(tenant) : tenants.save(tenant);
    }

    /** A new key and its secret, which is not kept. */
    public record IssuedKey(ApiKey key, String secret) {}

    public IssuedKey issueKey(Caller caller, UUID companyId, List<String> scopes) {
        caller.require(
                caller.role().managesUsers()
                        && (caller.role().managesCompanies()
                                || caller.companyId().equals(companyId)),
                "issue API keys");
        companies
                .findById(companyId)
                .orElseThrow(() -> new ArgusException(ErrorCode.COMPANY_NOT_FOUND, "no company " + companyId));
        if (scopes == null || scopes.isEmpty() || !SCOPES.containsAll(scopes)) {
            throw new ArgusException(ErrorCode.INVALID_SCOPES, "scopes: one or more of " + SCOPES);
        }
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String secret = "sk-" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        ApiKey key = keys.save(new ApiKey(
                UUID.randomUUID(),
                companyId,
                Digests.sha256Hex(secret.getBytes(StandardCharsets.UTF_8)),
                String.join(" ", scopes.stream().distinct().toList()),
                false,
                timestamps.now()));
        return new IssuedKey(key, secret);
    }
}
