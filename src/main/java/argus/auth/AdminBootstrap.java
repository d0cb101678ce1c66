package argus.auth;

import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.context.event.StartupEvent;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.Locale;
import java.util.UUID;

/**
 * Creates the first company and its administrator when the database has no user yet, from
 * {@code ARGUS_ADMIN_EMAIL} / {@code ARGUS_ADMIN_PASSWORD}. Without a configured password a random one is generated and
 * printed once on standard output (never logged), so a fresh server is usable and never has a default password.
 */
@Singleton
public class AdminBootstrap implements ApplicationEventListener<StartupEvent> {
    private static final Logger LOG = LoggerFactory.getLogger(AdminBootstrap.class);

    private final UserRepository users;
    private final CompanyRepository companies;
    private final PasswordHasher hasher;
    private final AuthConfig config;

    public AdminBootstrap(UserRepository users, CompanyRepository companies, PasswordHasher hasher, AuthConfig config) {
        this.users = users;
        this.companies = companies;
        this.hasher = hasher;
        this.config = config;
    }

    @Override
    @Transactional
    public void onApplicationEvent(StartupEvent event) {
        if (users.count() > 0) {
            return;
        }
        String password = config.adminPassword();
        boolean generated = password == null || password.isBlank();
        if (generated) {
            byte[] random = new byte[18];
            new SecureRandom().nextBytes(random);
            password = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        }
        Instant now = Instant.now();
        Company company = companies.save(new Company(UUID.randomUUID(), "Argus", now));
        String email = config.adminEmail().trim().toLowerCase(Locale.ROOT);
        users.save(new User(UUID.randomUUID(), company.id(), email, hasher.hash(password), Role.ADMIN, true, now));
        LOG.info("Created the first administrator {}", email);
        if (generated) {
            System.out.println("Generated password for " + email + " (shown once; set ARGUS_ADMIN_PASSWORD to choose it): " + password);
        }
    }
}
