package app.billfold.identity;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** The local sign-in session (the embedded identity mode). */
@ConfigMapping(prefix = "billfold.session")
public interface SessionConfig {

    /** Key that signs session cookies; at least 32 characters. Same on every node. Required in production. */
    String secret();

    /** How long a sign-in lasts. */
    @WithDefault("PT8H")
    Duration timeout();

    /** Send the session cookie over HTTPS only. Off only for local development over plain HTTP. */
    @WithDefault("true")
    boolean secureCookie();
}
