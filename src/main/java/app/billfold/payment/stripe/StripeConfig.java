package app.billfold.payment.stripe;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/** Stripe, when {@code billfold.payments.gateway=stripe}: keys from the environment, never from files. */
@ConfigMapping(prefix = "billfold.stripe")
public interface StripeConfig {

    /** The secret API key, sk_test_… or sk_live_… (STRIPE_SECRET_KEY). */
    Optional<String> secretKey();

    /** The webhook endpoint's signing secret, whsec_… (STRIPE_WEBHOOK_SECRET). */
    Optional<String> webhookSecret();

    /** Stripe's API address; tests point it at their stand-in. */
    @WithDefault("https://api.stripe.com")
    String apiBase();

    /** Retries of a request Stripe asked to retry (429, lock_timeout, 5xx), with the same Idempotency-Key. */
    @WithDefault("2")
    int maxNetworkRetries();

    /** How old a signed event may be before it is refused (a replayed capture). */
    @WithDefault("PT5M")
    Duration signatureTolerance();

    /** How long to wait for Stripe's answer before the outcome counts as unknown. */
    @WithDefault("PT30S")
    Duration readTimeout();
}
