package app.billfold.identity;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Locale;
import java.util.Optional;

@ApplicationScoped
public class AppUserRepository implements PanacheRepositoryBase<AppUser, Long> {

    public Optional<AppUser> findByEmail(String email) {
        return find("email", email.strip().toLowerCase(Locale.ROOT)).firstResultOptional();
    }

    public Optional<AppUser> findByKeycloakId(String keycloakId) {
        return keycloakId == null
                ? Optional.empty()
                : find("keycloakId", keycloakId).firstResultOptional();
    }

    /** Clerks and admins, by e-mail. */
    public java.util.List<AppUser> staff() {
        return list("role in ?1 order by email", java.util.List.of(Role.CLERK, Role.ADMIN));
    }

    public boolean anyAdmin() {
        return count("role", Role.ADMIN) > 0;
    }
}
