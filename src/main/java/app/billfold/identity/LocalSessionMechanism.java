package app.billfold.identity;

import io.quarkus.security.identity.IdentityProviderManager;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.AuthenticationRequest;
import io.quarkus.security.identity.request.TrustedAuthenticationRequest;
import io.quarkus.vertx.http.runtime.security.ChallengeData;
import io.quarkus.vertx.http.runtime.security.HttpAuthenticationMechanism;
import io.quarkus.vertx.http.runtime.security.HttpCredentialTransport;
import io.quarkus.vertx.http.runtime.security.HttpSecurityUtils;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.Cookie;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Set;

/**
 * Local-mode sign-in: reads the session cookie (a random id) and resolves it to the user of a live
 * session on the server. An ended, unknown or forged id simply means "not signed in". The
 * alternative is Keycloak (OIDC), which yields a security identity with the same roles and
 * attributes (see {@link IdentityAttributes}).
 */
@ApplicationScoped
public class LocalSessionMechanism implements HttpAuthenticationMechanism {

    @Inject
    IdentityMode mode;

    @Override
    public Uni<SecurityIdentity> authenticate(RoutingContext context, IdentityProviderManager identityProviderManager) {
        Cookie cookie = context.request().getCookie(SessionCookie.NAME);
        if (cookie == null || cookie.getValue().isEmpty() || mode.keycloak()) {
            return Uni.createFrom().nullItem();
        }
        return identityProviderManager
                .authenticate(HttpSecurityUtils.setRoutingContextAttribute(
                        new TrustedAuthenticationRequest(cookie.getValue()), context))
                .onFailure()
                .recoverWithNull();
    }

    /** In Keycloak mode no challenge: the OIDC mechanism sends people to Keycloak instead. */
    @Override
    public Uni<ChallengeData> getChallenge(RoutingContext context) {
        if (mode.keycloak()) {
            return Uni.createFrom().nullItem();
        }
        return Uni.createFrom().item(new ChallengeData(303, "Location", "/"));
    }

    /** First in local mode; after the OIDC mechanism in Keycloak mode. */
    @Override
    public int getPriority() {
        return mode.keycloak() ? DEFAULT_PRIORITY - 500 : DEFAULT_PRIORITY + 500;
    }

    @Override
    public Set<Class<? extends AuthenticationRequest>> getCredentialTypes() {
        return Set.of(TrustedAuthenticationRequest.class);
    }

    @Override
    public Uni<HttpCredentialTransport> getCredentialTransport(RoutingContext context) {
        return Uni.createFrom()
                .item(new HttpCredentialTransport(HttpCredentialTransport.Type.COOKIE, SessionCookie.NAME));
    }
}
