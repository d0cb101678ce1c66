package argus.auth;

import com.nimbusds.jose.JWSAlgorithm;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Requires;
import io.micronaut.security.token.jwt.signature.SignatureConfiguration;
import io.micronaut.security.token.jwt.signature.jwks.JwkValidator;
import io.micronaut.security.token.jwt.signature.jwks.JwksSignatureConfigurationProperties;
import io.micronaut.security.token.jwt.signature.secret.SecretSignature;
import io.micronaut.security.token.jwt.signature.secret.SecretSignatureConfiguration;
import io.micronaut.security.token.jwt.validator.AudienceJwtClaimsValidator;
import io.micronaut.security.token.jwt.validator.GenericJwtClaimsValidator;
import io.micronaut.security.token.jwt.validator.IssuerJwtClaimsValidator;
import io.micronaut.security.token.jwt.validator.JwtClaimsValidatorConfigurationProperties;
import jakarta.inject.Named;
import jakarta.inject.Singleton;

/**
 * The keys and claim checks of partner JWTs, each present only when configured: a shared HS256 secret
 * ({@code ARGUS_JWT_SECRET}), the JWKS a partner's identity provider publishes ({@code ARGUS_JWT_JWKS_URL}: RS/ES keys,
 * re-read when its cache lapses, so the provider can rotate keys), and the audience and issuer tokens must carry.
 */
@Factory
class PartnerJwtKeys {

    @Singleton
    @Named("partner-secret")
    @Requires(property = "argus.auth.jwt-secret", pattern = ".+")
    SignatureConfiguration sharedSecret(AuthConfig config) {
        SecretSignatureConfiguration secret = new SecretSignatureConfiguration("partner-secret");
        secret.setSecret(config.jwtSecret());
        secret.setJwsAlgorithm(JWSAlgorithm.HS256);
        return new SecretSignature(secret);
    }

    @Singleton
    @Named("partner-jwks")
    @Requires(property = "argus.auth.jwt-jwks-url", pattern = ".+")
    SignatureConfiguration publishedKeys(AuthConfig config, JwkValidator validator) {
        JwksSignatureConfigurationProperties jwks = new JwksSignatureConfigurationProperties("partner-jwks");
        jwks.setUrl(config.jwtJwksUrl());
        jwks.setCacheExpiration((int) config.jwtJwksCache().toSeconds());
        return new RotatingJwks(jwks, validator);
    }

    @Singleton
    @Requires(property = "argus.auth.jwt-audience", pattern = ".+")
    GenericJwtClaimsValidator<?> audience(AuthConfig config) {
        JwtClaimsValidatorConfigurationProperties claims = new JwtClaimsValidatorConfigurationProperties();
        claims.setAudience(config.jwtAudience());
        return new AudienceJwtClaimsValidator<>(claims);
    }

    @Singleton
    @Requires(property = "argus.auth.jwt-issuer", pattern = ".+")
    GenericJwtClaimsValidator<?> issuer(AuthConfig config) {
        JwtClaimsValidatorConfigurationProperties claims = new JwtClaimsValidatorConfigurationProperties();
        claims.setIssuer(config.jwtIssuer());
        return new IssuerJwtClaimsValidator<>(claims);
    }
}
