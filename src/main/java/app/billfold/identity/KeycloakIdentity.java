package app.billfold.identity;

import app.billfold.account.Customer;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Gives a Keycloak sign-in the same attributes as a local one (see {@link IdentityAttributes}):
 * the customer comes from the user's billfold_customer_id attribute, carried in the token by the
 * realm's mapper, never from the e-mail address; the Billfold user record, when there is one, adds
 * the user id and language, and a user disabled in Billfold is refused even with a live token.
 */
@ApplicationScoped
public class KeycloakIdentity implements SecurityIdentityAugmentor {

    @Inject
    AppUserRepository users;

    @Override
    public Uni<SecurityIdentity> augment(SecurityIdentity identity, AuthenticationRequestContext context) {
        if (identity.isAnonymous() || !(identity.getPrincipal() instanceof JsonWebToken token)) {
            return Uni.createFrom().item(identity);
        }
        return context.runBlocking(() -> WithRequestContext.call(() -> augment(identity, token)));
    }

    private SecurityIdentity augment(SecurityIdentity identity, JsonWebToken token) {
        Optional<AppUser> user = users.findByKeycloakId(token.getSubject());
        if (user.isPresent() && !user.get().enabled) {
            throw new AuthenticationFailedException("user disabled in Billfold");
        }
        QuarkusSecurityIdentity.Builder builder = QuarkusSecurityIdentity.builder(identity);
        user.ifPresent(u -> builder.addAttribute(IdentityAttributes.USER_ID, u.id));
        // Keycloak's session id: the anti-forgery token of this sign-in is bound to it.
        Object session = token.getClaim("sid");
        if (session != null) {
            builder.addAttribute(
                    IdentityAttributes.SESSION_KEY, "oidc:" + session.toString().replace("\"", ""));
        }
        Long customerId = null;
        if (identity.hasRole(Role.CUSTOMER_ROLE)) {
            Object claim = token.getClaim(KeycloakDirectory.CUSTOMER_ATTRIBUTE);
            customerId = parse(claim);
            if (customerId != null) {
                builder.addAttribute(IdentityAttributes.CUSTOMER_ID, customerId);
            }
        }
        String language = user.map(u -> u.language).orElse(null);
        if (language == null && customerId != null) {
            Customer customer = Customer.findById(customerId);
            language = customer == null ? null : customer.language;
        }
        if (language != null) {
            builder.addAttribute(IdentityAttributes.LANGUAGE, language);
        }
        return builder.build();
    }

    private static Long parse(Object claim) {
        if (claim == null) {
            return null;
        }
        String text = claim.toString().replace("\"", "").strip();
        try {
            return Long.valueOf(text);
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
