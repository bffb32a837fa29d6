package app.billfold.identity;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.TrustedAuthenticationRequest;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** Turns a verified session (a user id) into a security identity, checking the user is still enabled. */
@ApplicationScoped
public class LocalIdentityProvider implements IdentityProvider<TrustedAuthenticationRequest> {

    @Inject
    LocalAccounts accounts;

    @Override
    public Class<TrustedAuthenticationRequest> getRequestType() {
        return TrustedAuthenticationRequest.class;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(
            TrustedAuthenticationRequest request, AuthenticationRequestContext context) {
        return context.runBlocking(() -> WithRequestContext.call(() -> load(Long.parseLong(request.getPrincipal()))));
    }

    private SecurityIdentity load(long userId) {
        AppUser user = accounts.find(userId)
                .filter(u -> u.enabled)
                .orElseThrow(() -> new AuthenticationFailedException("no such user"));
        QuarkusSecurityIdentity.Builder identity = QuarkusSecurityIdentity.builder()
                .setPrincipal(new QuarkusPrincipal(user.email))
                .addRole(user.role.securityRole())
                .addAttribute(IdentityAttributes.USER_ID, user.id);
        if (user.customer != null) {
            identity.addAttribute(IdentityAttributes.CUSTOMER_ID, user.customer.id);
        }
        // The user's own choice first; else, for a customer, the language of their bills.
        String language = user.language != null ? user.language : user.customer != null ? user.customer.language : null;
        if (language != null) {
            identity.addAttribute(IdentityAttributes.LANGUAGE, language);
        }
        return identity.build();
    }
}
