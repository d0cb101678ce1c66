package argus.auth;

import argus.ArgusException;
import argus.ErrorCode;
import jakarta.inject.Singleton;
import java.util.Locale;
import java.util.Optional;

/**
 * Checks credentials and issues token pairs. Throttled attempts are refused before the (deliberately slow) password
 * hash is computed, so guessing costs the attacker time and the server no CPU.
 */
@Singleton
public class LoginService {
    private final UserRepository users;
    private final ActiveAccounts accounts;
    private final PasswordHasher hasher;
    private final TokenService tokens;
    private final AttemptThrottle throttle;
    /** Compared against when the e-mail is unknown, so that unknown and known users take the same time. */
    private final String decoyHash;

    public LoginService(
            UserRepository users,
            ActiveAccounts accounts,
            PasswordHasher hasher,
            TokenService tokens,
            AttemptThrottle throttle) {
        this.users = users;
        this.accounts = accounts;
        this.hasher = hasher;
        this.tokens = tokens;
        this.throttle = throttle;
        this.decoyHash = hasher.hash("decoy");
    }

    /** Signs in from a client address (the one throttling counts against). */
    public TokenService.TokenPair login(String email, String password, String address) {
        String normalized = email.trim().toLowerCase(Locale.ROOT);
        throttle.checkSignIn(normalized, address);
        Optional<User> user = users.findByEmail(normalized);
        boolean matches = hasher.matches(password, user.map(User::passwordHash).orElse(decoyHash)) && user.isPresent();
        if (!matches) {
            throttle.signInFailed(normalized, address);
        }
        if (!matches || !accounts.usable(user.get())) {
            throw new ArgusException(ErrorCode.INVALID_CREDENTIALS, "wrong e-mail or password");
        }
        throttle.signInSucceeded(normalized, address);
        return tokens.issue(user.get());
    }
}
