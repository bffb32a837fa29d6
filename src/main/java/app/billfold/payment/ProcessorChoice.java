package app.billfold.payment;

import app.billfold.payment.gateway.PaymentGateway;
import app.billfold.payment.sandbox.SandboxGateway;
import app.billfold.payment.stripe.StripeGateway;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.Produces;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The one processor this Billfold takes money through, chosen at run time by
 * {@code billfold.payments.gateway}: the built-in sandbox or Stripe. One build serves both.
 */
@ApplicationScoped
public class ProcessorChoice {

    public enum Processor {
        SANDBOX,
        STRIPE
    }

    @ConfigProperty(name = "billfold.payments.gateway", defaultValue = "sandbox")
    String gateway;

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
