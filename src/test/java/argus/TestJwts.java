package argus;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.nio.charset.StandardCharsets;
import java.util.Date;

/** Bearer JWTs as a partner's identity provider issues them with the shared HS256 secret of the tests. */
public final class TestJwts {
    public static final String SECRET = "test-jwt-secret-of-the-partner-idp";

    private TestJwts() {}

    public static String hs256(String subject, long expiresAtEpochSecond, String secret) {
        return hs256(
                new JWTClaimsSet.Builder()
                        .subject(subject)
                        .expirationTime(new Date(expiresAtEpochSecond * 1000))
                        .build(),
                secret);
    }

    public static String hs256(JWTClaimsSet claims, String secret) {
        SignedJWT jwt = new SignedJWT(
                new JWSHeader.Builder(JWSAlgorithm.HS256)
                        .type(JOSEObjectType.JWT)
                        .build(),
                claims);
        try {
            jwt.sign(new MACSigner(secret.getBytes(StandardCharsets.UTF_8)));
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
        return jwt.serialize();
    }
}
