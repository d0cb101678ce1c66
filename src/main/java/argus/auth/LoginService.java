package argus.auth;

import argus.ArgusException;
import io.micronaut.http.HttpStatus;
import jakarta.inject.Singleton;

import java.util.Locale;
import java.util.Optional;

/** Checks credentials and issues tokens. */
@Singleton
public class LoginService {
    private final UserRepository users;
    private final PasswordHasher hasher;
    private final TokenService tokens;
    /** Compared against when the e-mail is unknown, so that unknown and known users take the same time. */
    private final String decoyHash;

    public LoginService(UserRepository users, PasswordHasher hasher, TokenService tokens) {
        this.users = users;
        this.hasher = hasher;
        this.tokens = tokens;
        this.decoyHash = hasher.hash("decoy");
    }

    public record Login(User user, TokenService.IssuedToken token) {
    }

    public Login login(String email, String password) {
        Optional<User> user = users.findByEmail(email.trim().toLowerCase(Locale.ROOT));
        boolean matches = hasher.matches(password, user.map(User::passwordHash).orElse(decoyHash));
        if (user.isEmpty() || !matches || !user.get().active()) {
            throw new ArgusException(HttpStatus.UNAUTHORIZED, "INVALID_CREDENTIALS", "wrong e-mail or password");
        }
        return new Login(user.get(), tokens.issue(user.get()));
    }
}
