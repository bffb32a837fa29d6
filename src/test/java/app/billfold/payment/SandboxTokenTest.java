package app.billfold.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.billfold.payment.gateway.ChargeOutcome;
import app.billfold.payment.gateway.ChargeRequest;
import app.billfold.payment.gateway.InvalidTokenException;
import app.billfold.payment.gateway.MethodDetails;
import app.billfold.payment.gateway.MethodKind;
import app.billfold.payment.sandbox.SandboxGateway;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Issue 12: a token from the hosted form is single-use and, once saved, bound to the customer it
 * was saved for; someone who learns a token (from a log, a shared screen) cannot spend it again.
 */
@QuarkusTest
class SandboxTokenTest {

    @Inject
    SandboxGateway sandbox;

    @Test
    void aOneTimeTokenPaysOnceAndIsSpent() {
        MethodDetails card = sandbox.tokenizeCard("4242424242424242", 12, 2030);
        String key = UUID.randomUUID().toString();

        assertThat(sandbox.charge(charge(card, key, null)).outcome()).isEqualTo(ChargeOutcome.SUCCEEDED);
        // The same request again (a retry with its key) is the same charge, not a refusal.
        assertThat(sandbox.charge(charge(card, key, null)).outcome()).isEqualTo(ChargeOutcome.SUCCEEDED);
        // A new charge on the spent token is declined, for anyone.
        assertThat(sandbox.charge(charge(card, UUID.randomUUID().toString(), null))
                        .outcome())
                .isEqualTo(ChargeOutcome.DECLINED);
        assertThat(sandbox.charge(charge(card, UUID.randomUUID().toString(), "cus_other"))
                        .outcome())
                .isEqualTo(ChargeOutcome.DECLINED);
        assertThat(sandbox.chargesFor(card.token())).isEqualTo(1);
        // Nor can it be saved afterwards.
        assertThatThrownBy(() -> sandbox.attach("cus_" + UUID.randomUUID(), card.token()))
                .isInstanceOf(InvalidTokenException.class);
    }

    @Test
    void aSavedTokenIsTheSavingCustomersOnly() {
        MethodDetails card = sandbox.tokenizeCard("4242424242424242", 12, 2030);
        String ada = "cus_" + UUID.randomUUID();
        sandbox.attach(ada, card.token());

        assertThatThrownBy(() -> sandbox.attach("cus_mallory", card.token())).isInstanceOf(InvalidTokenException.class);
        assertThat(sandbox.charge(charge(card, UUID.randomUUID().toString(), "cus_mallory"))
                        .outcome())
                .isEqualTo(ChargeOutcome.DECLINED);
        assertThat(sandbox.charge(charge(card, UUID.randomUUID().toString(), null))
                        .outcome())
                .isEqualTo(ChargeOutcome.DECLINED);
        // Its owner charges it as often as bills come.
        assertThat(sandbox.charge(charge(card, UUID.randomUUID().toString(), ada))
                        .outcome())
                .isEqualTo(ChargeOutcome.SUCCEEDED);
        assertThat(sandbox.charge(charge(card, UUID.randomUUID().toString(), ada))
                        .outcome())
                .isEqualTo(ChargeOutcome.SUCCEEDED);
    }

    private static ChargeRequest charge(MethodDetails card, String key, String customer) {
        return new ChargeRequest(
                new BigDecimal("10.00"), "EUR", card.token(), key, Map.of(), customer, MethodKind.CARD);
    }
}
