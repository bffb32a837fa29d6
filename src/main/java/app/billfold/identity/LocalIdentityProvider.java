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

/** Turns the browser's session id into a security identity, if its session is live on the server. */
@ApplicationScoped
public class LocalIdentityProvider implements IdentityProvider<TrustedAuthenticationRequest> {

    @Inject
    UserSessions sessions;

    @Override
    public Class<TrustedAuthenticationRequest> getRequestType() {
        return TrustedAuthenticationRequest.class;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(
            TrustedAuthenticationRequest request, AuthenticationRequestContext context) {
        return context.runBlocking(() -> WithRequestContext.call(() -> load(request.getPrincipal())));
    }

    private SecurityIdentity load(String token) {
        UserSessions.SignedIn user =
                sessions.resume(token).orElseThrow(() -> new AuthenticationFailedException("no live session"));
        QuarkusSecurityIdentity.Builder identity = QuarkusSecurityIdentity.builder()
                .setPrincipal(new QuarkusPrincipal(user.email()))
                .addRole(user.role().securityRole())
                .addAttribute(IdentityAttributes.USER_ID, user.userId())
                .addAttribute(IdentityAttributes.SESSION_ID, user.sessionId())
                .addAttribute(IdentityAttributes.SESSION_KEY, "local:" + user.key());
        if (user.customerId() != null) {
            identity.addAttribute(IdentityAttributes.CUSTOMER_ID, user.customerId());
        }
        if (user.language() != null) {
            identity.addAttribute(IdentityAttributes.LANGUAGE, user.language());
        }
        return identity.build();
    }
}
