package app.billfold.payment.sandbox;

import app.billfold.common.Money;
import app.billfold.identity.Signer;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.Optional;

/**
 * What the sandbox's hosted page shows the payer, as a real processor's page does: the amount about
 * to be paid (none when a method is only being saved) and the page to go back to when they cancel.
 * Signed by Billfold, so that the page never shows an amount the pay form did not ask for.
 */
public record SandboxOrder(Money amount, String cancel) {

    static final String PURPOSE = "sandbox-order";
    static final Duration VALIDITY = Duration.ofMinutes(30);

    public String signedBy(Signer signer) {
        String money = amount == null ? ";" : amount.amount().toPlainString() + ";" + amount.currencyCode();
        return signer.sign(PURPOSE, money + ";" + cancel, VALIDITY);
    }

    public static Optional<SandboxOrder> read(Signer signer, String value) {
        return signer.verify(PURPOSE, value)
                .map(v -> v.split(";", 3))
                .filter(f -> f.length == 3)
                .map(f -> {
                    Money money = f[0].isEmpty() ? null : Money.of(new BigDecimal(f[0]), f[1]);
                    return new SandboxOrder(money, f[2]);
                });
    }
}
