package app.billfold.identity;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Which identity mode this node runs in: local accounts (embedded default) or Keycloak. */
@ApplicationScoped
@Named("identityMode")
public class IdentityMode {

    @ConfigProperty(name = "billfold.identity.keycloak", defaultValue = "false")
    boolean keycloak;

    public boolean keycloak() {
        return keycloak;
    }

    public boolean local() {
        return !keycloak;
    }
}
