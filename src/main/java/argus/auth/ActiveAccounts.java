package argus.auth;

import jakarta.inject.Singleton;
import java.util.Optional;
import java.util.UUID;

/**
 * Whether an account may act: the user is active and so is its company. Every way in (sign-in, tokens, refresh,
 * partner JWTs, API keys, queued work) asks here, so deactivating a company stops all of its access at once.
 */
@Singleton
public class ActiveAccounts {
    private final UserRepository users;
    private final CompanyRepository companies;

    public ActiveAccounts(UserRepository users, CompanyRepository companies) {
        this.users = users;
        this.companies = companies;
    }

    public boolean companyActive(UUID companyId) {
        return companies.findById(companyId).map(Company::active).orElse(false);
    }

    public boolean usable(User user) {
        return user.active() && companyActive(user.companyId());
    }

    public Optional<User> user(UUID userId) {
        return users.findById(userId).filter(this::usable);
    }

    public Optional<User> userByEmail(String email) {
        return users.findByEmail(email).filter(this::usable);
    }
}
