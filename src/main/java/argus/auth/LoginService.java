package argus.auth;

import argus.ArgusException;
import io.micronaut.http.HttpStatus;
import jakarta.inject.Singleton;

import java.util.Locale;
import java.util.Optional;

/** Checks credentials and issues token pairs. */
@Singleton
public class LoginService {
    private final UserRepository users;
    private final CompanyRepository companies;
    private final PasswordHasher hasher;
    private final TokenService tokens;
    /** Compared against when the e-mail is unknown, so that unknown and known users take the same time. */
    private final String decoyHash;

    public LoginService(UserRepository users, CompanyRepository companies, PasswordHasher hasher, TokenService tokens) {
        this.users = users;
        this.companies = companies;
        this.hasher = hasher;
        this.tokens = tokens;
        this.decoyHash = hasher.hash("decoy");
    }

    public TokenService.TokenPair login(String email, String password) {
        Optional<User> user = users.findByEmail(email.trim().toLowerCase(Locale.ROOT));
        boolean matches = hasher.matches(password, user.map(User::passwordHash).orElse(decoyHash));
        boolean usable = user.isPresent() && user.get().active()
                && companies.findById(user.get().companyId()).map(Company::active).orElse(false);
        if (!matches || !usable) {
            throw new ArgusException(HttpStatus.UNAUTHORIZED, "INVALID_CREDENTIALS", "wrong e-mail or password");
        }
        return tokens.issue(user.get(), null);
    }
}
