package argus.auth;

import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Bearer JWTs for the contracts that use them (HS256, signed with {@code ARGUS_JWT_SECRET}, as an identity provider
 * shared with the partner issues them): the signature is checked in constant time, {@code exp} must lie ahead, and
 * {@code sub} names an active Argus user, whose company and role then apply. Without a configured secret no JWT is
 * accepted.
 */
@Singleton
public class JwtVerifier {
    private static final Argument<Map<String, Object>> CLAIMS = Argument.mapOf(String.class, Object.class);
    private static final Base64.Decoder BASE64URL = Base64.getUrlDecoder();

    private final AuthConfig config;
    private final UserRepository users;
    private final JsonMapper json;

    public JwtVerifier(AuthConfig config, UserRepository users, JsonMapper json) {
        this.config = config;
        this.users = users;
        this.json = json;
    }

    public Optional<Caller> verify(String jwt) {
        if (jwt == null || config.jwtSecret() == null || config.jwtSecret().isBlank()) {
            return Optional.empty();
        }
        String[] parts = jwt.split("\\.", -1);
        if (parts.length != 3) {
            return Optional.empty();
        }
        try {
            Map<String, Object> header = json.readValue(BASE64URL.decode(parts[0]), CLAIMS);
            if (!"HS256".equals(header.get("alg"))) {
                return Optional.empty();
            }
            byte[] expected = sign(parts[0] + "." + parts[1]);
            if (!MessageDigest.isEqual(expected, BASE64URL.decode(parts[2]))) {
                return Optional.empty();
            }
            Map<String, Object> claims = json.readValue(BASE64URL.decode(parts[1]), CLAIMS);
            if (!(claims.get("exp") instanceof Number exp) || exp.longValue() <= Instant.now().getEpochSecond()
                    || !(claims.get("sub") instanceof String subject)) {
                return Optional.empty();
            }
            return users.findByEmail(subject).filter(User::active).map(user -> new Caller(user.id(), user.companyId(), user.email(),
                    user.role(), UUID.nameUUIDFromBytes(parts[2].getBytes(StandardCharsets.US_ASCII))));
        } catch (IOException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private byte[] sign(String content) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(config.jwtSecret().getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return mac.doFinal(content.getBytes(StandardCharsets.US_ASCII));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 unavailable", e);
        }
    }
}
