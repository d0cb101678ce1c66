package argus.auth;

import com.nimbusds.jwt.JWT;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.micronaut.http.HttpRequest;
import io.micronaut.security.token.jwt.signature.SignatureConfiguration;
import io.micronaut.security.token.jwt.validator.JsonWebTokenValidator;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Bearer JWTs for the contracts that use them, verified by Micronaut Security (Nimbus): a signature by one of the
 * configured keys ({@link PartnerJwtKeys}), {@code exp} ahead and {@code nbf} behind, the audience and issuer when
 * configured. {@code sub} names an Argus user, whose company and role then apply, if it and its company are active.
 * Without a configured key no JWT is accepted, and an unsigned one ({@code alg: none}) never is.
 */
@Singleton
public class JwtVerifier {
    private final JsonWebTokenValidator<JWT, HttpRequest<?>> validator;
    private final boolean keysConfigured;
    private final ActiveAccounts accounts;

    public JwtVerifier(
            JsonWebTokenValidator<JWT, HttpRequest<?>> validator,
            List<SignatureConfiguration> keys,
            ActiveAccounts accounts) {
        this.validator = validator;
        this.keysConfigured = !keys.isEmpty();
        this.accounts = accounts;
    }

    public Optional<Caller> verify(String token, HttpRequest<?> request) {
        if (!keysConfigured || token == null || token.isBlank()) {
            return Optional.empty();
        }
        return validator
                .validate(token, request)
                .filter(SignedJWT.class::isInstance)
                .flatMap(JwtVerifier::claims)
                .filter(claims -> claims.getExpirationTime() != null && claims.getSubject() != null)
                .flatMap(claims -> accounts.userByEmail(claims.getSubject()))
                .map(user -> Caller.of(user, UUID.nameUUIDFromBytes(token.getBytes(StandardCharsets.US_ASCII))));
    }

    private static Optional<JWTClaimsSet> claims(JWT jwt) {
        try {
            return Optional.of(jwt.getJWTClaimsSet());
        } catch (ParseException e) {
            return Optional.empty();
        }
    }
}
