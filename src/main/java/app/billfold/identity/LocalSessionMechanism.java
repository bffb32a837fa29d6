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
 * Local-mode sign-in: reads the signed session cookie and resolves it to a user. A stale or forged
 * cookie simply means "not signed in". The production alternative is Keycloak (OIDC), which yields a
 * security identity with the same roles and attributes (see {@link IdentityAttributes}).
 */
@ApplicationScoped
public class LocalSessionMechanism implements HttpAuthenticationMechanism {

    @Inject
    SessionCookie sessions;

    @Inject
    IdentityMode mode;

    @Override
    public Uni<SecurityIdentity> authenticate(RoutingContext context, IdentityProviderManager identityProviderManager) {
        Cookie cookie = context.request().getCookie(SessionCookie.NAME);
        if (cookie == null || mode.keycloak()) {
            return Uni.createFrom().nullItem();
        }
        return sessions.verify(cookie.getValue())
                .map(userId -> identityProviderManager
                        .authenticate(HttpSecurityUtils.setRoutingContextAttribute(
                                new TrustedAuthenticationRequest(String.valueOf(userId)), context))
                        .onFailure()
                        .recoverWithNull())
                .orElseGet(() -> Uni.createFrom().nullItem());
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
