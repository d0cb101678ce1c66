package argus.clients;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * A shell script from a public Oz deployment (a container's start-up check) that signs in with
 * {@code curl -s -k -X POST host:port/api/authorize/auth -d "{ \"credentials\": ... }"} — a JSON body that curl labels
 * {@code application/x-www-form-urlencoded} — and reads the answer as text, not as JSON: {@code awk '{print $1}'} must
 * give {@code {"error_code":} when the account does not exist, and
 * {@code grep -Po '"access_token": "\K[0-9a-z]*'} must find the whole token when it does. Both depend on the exact
 * bytes: the error code as the first key, a space after every colon, and a token of lower-case hex.
 */
@MicronautTest
class DeploymentScriptReplayTest extends ClientReplay {
    private static final Pattern TOKEN = Pattern.compile("\"access_token\": \"([0-9a-z]*)");

    private Wire.Answer curl(String email, String password) {
        Map<String, String> curl = Wire.headers(
                "User-Agent", "curl/8.5.0", "Accept", "*/*", "Content-Type", "application/x-www-form-urlencoded");
        return wire().send(
                        "POST",
                        "/api/authorize/auth",
                        curl,
                        "{ \"credentials\": { \"email\": \"" + email + "\", \"password\": \"" + password + "\" }}");
    }

    private static String awkFirstField(String text) {
        return text.trim().split("\\s+")[0];
    }

    @Test
    void theScriptTellsAMissingAccountFromAValidOne() {
        Wire.Answer missing = curl("admin@host.local", "Aa12345aA!");
        assertNotEquals("", missing.text());
        assertEquals("{\"error_code\":", awkFirstField(missing.text()), missing.text());

        Wire.Answer valid = curl("admin@argus.test", "test-password-1");
        assertNotEquals("{\"error_code\":", awkFirstField(valid.text()));
        Matcher token = TOKEN.matcher(valid.text());
        assertTrue(token.find(), valid.text());
        assertEquals(valid.object().get("access_token"), token.group(1));
        assertEquals(128, token.group(1).length());
    }
}
