package app.billfold.identity;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Creates the first admin of a fresh installation from configuration, so that someone can sign in
 * and set the biller up. Does nothing once any admin exists.
 */
@ApplicationScoped
public class BootstrapAdmin {

    private static final Logger LOG = Logger.getLogger(BootstrapAdmin.class);

    @ConfigProperty(name = "billfold.bootstrap.admin-email")
    Optional<String> email;

    @ConfigProperty(name = "billfold.bootstrap.admin-password")
    Optional<String> password;

    @Inject
    AppUserRepository users;

    @Inject
    LocalAccounts accounts;

    @Inject
    PasswordRule passwordRule;

    @Transactional
    void onStart(@Observes StartupEvent event) {
        if (email.isEmpty() || password.isEmpty() || users.anyAdmin()) {
            return;
        }
        Optional<String> problem = passwordRule.problem(password.get(), email.get());
        if (problem.isPresent()) {
            LOG.warnf(
                    "BILLFOLD_ADMIN_PASSWORD breaks the password rule (%s: at least %d characters, not the e-mail,"
                            + " not a common password); no admin created",
                    problem.get(), PasswordRule.MIN);
            return;
        }
        accounts.create(email.get(), password.get(), Role.ADMIN, null);
        LOG.infof("Created the first admin, %s", email.get());
    }
}
