package app.billfold.identity;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.keycloak.OAuth2Constants;
import org.keycloak.admin.client.CreatedResponseUtil;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.admin.client.KeycloakBuilder;
import org.keycloak.admin.client.resource.RealmResource;
import org.keycloak.representations.idm.RoleRepresentation;
import org.keycloak.representations.idm.UserRepresentation;

/**
 * Billfold's users in Keycloak, through the admin API with the provisioning service account (which
 * may only manage users and read the realm's roles). A user is created whole or not at all: if
 * giving the role or sending the set-up e-mail fails, the half-made user is deleted again.
 */
@ApplicationScoped
public class KeycloakDirectory {

    private static final Logger LOG = Logger.getLogger(KeycloakDirectory.class);

    /** The user attribute that links a Keycloak user to a Billfold customer. */
    public static final String CUSTOMER_ATTRIBUTE = "billfold_customer_id";

    /** What a new user must do at first sign-in: prove the address, choose a password. */
    static final List<String> FIRST_ACTIONS = List.of("VERIFY_EMAIL", "UPDATE_PASSWORD");

    /** Keycloak could not be reached or refused the call: nothing was changed there. */
    public static class Unavailable extends RuntimeException {
        Unavailable(String message, Throwable cause) {
            super(message, cause);
        }
    }

    @ConfigProperty(name = "billfold.keycloak.url")
    String url;

    @ConfigProperty(name = "billfold.keycloak.realm")
    String realm;

    @ConfigProperty(name = "billfold.keycloak.admin.client-id")
    String clientId;

    @ConfigProperty(name = "billfold.keycloak.admin.client-secret")
    Optional<String> clientSecret;

    private volatile Keycloak keycloak;

    /**
     * Creates an enabled user with that role (and customer), the first-sign-in actions, and sends
     * Keycloak's e-mail for them. Empty when the e-mail already has a Keycloak user.
     */
    public Optional<String> create(String email, Role role, Long customerId) {
        UserRepresentation user = new UserRepresentation();
        user.setUsername(email);
        user.setEmail(email);
        user.setEnabled(true);
        user.setEmailVerified(false);
        user.setRequiredActions(FIRST_ACTIONS);
        if (customerId != null) {
            user.setAttributes(Map.of(CUSTOMER_ATTRIBUTE, List.of(String.valueOf(customerId))));
        }
        String id;
        try (Response created = realm().users().create(user)) {
            if (created.getStatus() == Response.Status.CONFLICT.getStatusCode()) {
                return Optional.empty();
            }
            if (created.getStatus() != Response.Status.CREATED.getStatusCode()) {
                throw new Unavailable("Keycloak refused to create a user: HTTP " + created.getStatus(), null);
            }
            id = CreatedResponseUtil.getCreatedId(created);
        } catch (ProcessingException | WebApplicationException e) {
            throw new Unavailable("Keycloak is unavailable", e);
        }
        try {
            RoleRepresentation realmRole =
                    realm().roles().get(role.securityRole()).toRepresentation();
            realm().users().get(id).roles().realmLevel().add(List.of(realmRole));
            realm().users().get(id).executeActionsEmail(FIRST_ACTIONS);
            return Optional.of(id);
        } catch (ProcessingException | WebApplicationException e) {
            deleteQuietly(id);
            throw new Unavailable("Keycloak failed while setting up a user", e);
        }
    }

    /** Enables or disables the user; disabling also ends their Keycloak sessions. */
    public void setEnabled(String id, boolean enabled) {
        try {
            var resource = realm().users().get(id);
            UserRepresentation user = resource.toRepresentation();
            user.setEnabled(enabled);
            resource.update(user);
            if (!enabled) {
                resource.logout();
            }
        } catch (ProcessingException | WebApplicationException e) {
            throw new Unavailable("Keycloak is unavailable", e);
        }
    }

    /** Ends every Keycloak session of the user (their refresh tokens stop working). */
    public void logout(String id) {
        try {
            realm().users().get(id).logout();
        } catch (ProcessingException | WebApplicationException e) {
            throw new Unavailable("Keycloak is unavailable", e);
        }
    }

    /** Undoes a creation that Billfold could not record. */
    public void deleteQuietly(String id) {
        try (Response ignored = realm().users().delete(id)) {
            LOG.infof("Deleted Keycloak user %s again", id);
        } catch (RuntimeException e) {
            LOG.errorf(e, "Could not delete Keycloak user %s: delete it by hand", id);
        }
    }

    private RealmResource realm() {
        Keycloak client = keycloak;
        if (client == null) {
            synchronized (this) {
                if (keycloak == null) {
                    keycloak = KeycloakBuilder.builder()
                            .serverUrl(url)
                            .realm(realm)
                            .grantType(OAuth2Constants.CLIENT_CREDENTIALS)
                            .clientId(clientId)
                            .clientSecret(clientSecret.orElse(""))
                            .build();
                }
                client = keycloak;
            }
        }
        return client.realm(realm);
    }

    @PreDestroy
    void close() {
        if (keycloak != null) {
            keycloak.close();
        }
    }
}
