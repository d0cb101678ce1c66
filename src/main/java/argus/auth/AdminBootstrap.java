package argus.auth;

import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.data.exceptions.DataAccessException;
import jakarta.inject.Singleton;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates the first company and its administrator when the database has no user yet, from
 * {@code ARGUS_ADMIN_EMAIL} / {@code ARGUS_ADMIN_PASSWORD}. Without a configured password a random one is generated and
 * printed once on standard output (never logged), so a fresh server is usable and never has a default password.
 */
@Singleton
public class AdminBootstrap implements ApplicationEventListener<StartupEvent> {
    private static final Logger LOG = LoggerFactory.getLogger(AdminBootstrap.class);

    private final UserRepository users;
    private final Accounts accounts;
    private final AuthConfig config;

    public AdminBootstrap(UserRepository users, Accounts accounts, AuthConfig config) {
        this.users = users;
        this.accounts = accounts;
        this.config = config;
    }

    /**
     * Two instances starting at once on an empty database both try; the e-mail's unique constraint lets one win, and
     * the other starts normally with the winner's administrator.
     */
    @Override
    public void onApplicationEvent(StartupEvent event) {
        if (users.count() > 0) {
            return;
        }
        String password = config.adminPassword();
        boolean generated = password == null || password.isBlank();
        if (generated) {
            password = Accounts.randomSecret(18);
        }
        String email = config.adminEmail().trim().toLowerCase(Locale.ROOT);
        try {
            accounts.createFirstAdministrator(email, password);
        } catch (DataAccessException e) {
            if (users.count() == 0) {
                throw e;
            }
            LOG.info("Another instance created the first administrator");
            return;
        }
        LOG.info("Created the first administrator {}", email);
        if (generated) {
            System.out.println("Generated password for " + email
                    + " (shown once; set ARGUS_ADMIN_PASSWORD to choose it): " + password);
        }
    }
}
