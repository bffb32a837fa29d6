package app.billfold.identity;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** The local sign-in session (the embedded identity mode) and the secret that signs what travels. */
@ConfigMapping(prefix = "billfold.session")
public interface SessionConfig {

    /**
     * Key of the HMACs Billfold computes (anti-forgery tokens, signed links and checkout states) and
     * of the OIDC state cookie; at least 32 bytes, the same on every node. Required in production.
     */
    String secret();

    /** The absolute limit of a sign-in, however active it is. */
    @WithDefault("PT8H")
    Duration timeout();

    /** How long a sign-in may sit unused before it ends, per audience. */
    IdleTimeout idleTimeout();

    /** Send the session cookie over HTTPS only, and HSTS. Off only for local development over plain HTTP. */
    @WithDefault("true")
    boolean secureCookie();

    interface IdleTimeout {
        @WithDefault("PT30M")
        Duration customer();

        /** Clerks and admins: shorter, since the console reaches every customer. */
        @WithDefault("PT15M")
        Duration staff();
    }

    /** The idle limit of a user of this role. */
    default Duration idleTimeoutOf(Role role) {
        return role == Role.CUSTOMER ? idleTimeout().customer() : idleTimeout().staff();
    }
}
