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

    public boolean anyAdmin() {
        return count("role", Role.ADMIN) > 0;
    }
}
