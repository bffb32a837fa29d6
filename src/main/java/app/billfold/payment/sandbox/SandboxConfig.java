package app.billfold.payment.sandbox;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** The built-in sandbox processor: how slow and how unreliable it pretends to be. */
@ConfigMapping(prefix = "billfold.sandbox")
public interface SandboxConfig {

    /** Time each charge takes, as a real processor's round trip would. */
    @WithDefault("PT0S")
    Duration latency();

    /** Share of charges (0 to 1) whose answer is lost after the money moved, as on a timeout. */
    @WithDefault("0")
    double lostAnswerRate();

    /** How long a debit on the sandbox's "settles later" bank accounts stays processing. */
    @WithDefault("P3D")
    Duration bankSettlement();
}
