package app.billfold.payment;

import app.billfold.payment.gateway.PaymentGateway;
import app.billfold.payment.sandbox.SandboxGateway;
import app.billfold.payment.stripe.StripeConfig;
import app.billfold.payment.stripe.StripeGateway;
import io.quarkus.runtime.LaunchMode;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The one processor this Billfold takes money through, chosen at run time by
 * {@code billfold.payments.gateway}: the built-in sandbox or Stripe. One build serves both.
 *
 * <p>In production the sandbox would let test card 4242… pay a real bill, so a production start
 * with it is refused unless {@code billfold.payments.sandbox-in-production=true} says it is a
 * demonstration, and then every page says "test mode". Stripe without its keys is refused too.
 */
@ApplicationScoped
@Named("processor")
public class ProcessorChoice {

    public enum Processor {
        SANDBOX,
        STRIPE
    }

    @ConfigProperty(name = "billfold.payments.gateway", defaultValue = "sandbox")
    String gateway;

    @ConfigProperty(name = "billfold.payments.sandbox-in-production", defaultValue = "false")
    boolean sandboxInProduction;

    @Inject
    StripeConfig stripeConfig;

    void onStart(@Observes @Priority(2) StartupEvent event) {
        check(LaunchMode.current() == LaunchMode.NORMAL);
    }

    void check(boolean production) {
        Processor processor = processor();
        if (production && processor == Processor.SANDBOX && !sandboxInProduction) {
            throw new IllegalStateException(
                    "billfold.payments.gateway is sandbox in production: its test cards would pay"
                            + " real bills. Set BILLFOLD_PAYMENTS_GATEWAY=stripe with STRIPE_SECRET_KEY and"
                            + " STRIPE_WEBHOOK_SECRET, or, for a demonstration only, BILLFOLD_SANDBOX_IN_PRODUCTION=true");
        }
        if (processor == Processor.STRIPE
                && (stripeConfig.secretKey().isEmpty()
                        || stripeConfig.webhookSecret().isEmpty())) {
            throw new IllegalStateException(
                    "billfold.payments.gateway is stripe but STRIPE_SECRET_KEY or STRIPE_WEBHOOK_SECRET is not set");
        }
    }

    /** True when pages must say that no real money moves: the sandbox, allowed in production. */
    public boolean isTestMode() {
        return isSandbox() && LaunchMode.current() == LaunchMode.NORMAL;
    }

    public Processor processor() {
        return switch (gateway.strip().toLowerCase(java.util.Locale.ROOT)) {
            case "sandbox" -> Processor.SANDBOX;
            case "stripe" -> Processor.STRIPE;
            default ->
                throw new IllegalStateException(
                        "billfold.payments.gateway is '" + gateway + "'; it must be sandbox or stripe");
        };
    }

    public boolean isSandbox() {
        return processor() == Processor.SANDBOX;
    }

    @Produces
    @ApplicationScoped
    PaymentGateway gateway(Instance<SandboxGateway> sandbox, Instance<StripeGateway> stripe) {
        return processor() == Processor.STRIPE ? stripe.get() : sandbox.get();
    }
}
