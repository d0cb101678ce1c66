package argus.auth;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jwt.SignedJWT;
import io.micronaut.security.token.jwt.signature.jwks.DefaultJwkSetFetcher;
import io.micronaut.security.token.jwt.signature.jwks.JwkValidator;
import io.micronaut.security.token.jwt.signature.jwks.JwksSignature;
import io.micronaut.security.token.jwt.signature.jwks.JwksSignatureConfiguration;
import java.time.Duration;
import java.time.Instant;

/**
 * A partner's JWKS that follows key rotation: the set is read again once its cache time has passed, and at once
 * (at most every {@link #MIN_REFRESH}) when a token names a key the set does not have yet. Verification itself is
 * Micronaut Security's.
 */
final class RotatingJwks extends JwksSignature {
    static final Duration MIN_REFRESH = Duration.ofSeconds(10);
    private volatile Instant lastForcedRefresh = Instant.EPOCH;

    RotatingJwks(JwksSignatureConfiguration configuration, JwkValidator validator) {
        super(configuration, validator, new DefaultJwkSetFetcher());
    }

    @Override
    public boolean supports(JWSAlgorithm algorithm) {
        clearIfExpired();
        return super.supports(algorithm);
    }

    @Override
    public boolean verify(SignedJWT jwt) throws JOSEException {
        clearIfExpired();
        if (super.verify(jwt)) {
            return true;
        }
        String keyId = jwt.getHeader().getKeyID();
        boolean unknownKey =
                keyId != null && getKeyIds().map(ids -> !ids.contains(keyId)).orElse(true);
        Instant now = Instant.now();
        if (unknownKey && lastForcedRefresh.plus(MIN_REFRESH).isBefore(now)) {
            lastForcedRefresh = now;
            clear();
            return super.verify(jwt);
        }
        return false;
    }

    private void clearIfExpired() {
        if (isExpired()) {
            clear();
        }
    }
}
