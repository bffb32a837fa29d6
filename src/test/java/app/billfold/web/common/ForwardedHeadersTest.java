package app.billfold.web.common;

import static org.assertj.core.api.Assertions.assertThat;

import app.billfold.account.AccountRepository;
import app.billfold.support.TestData;
import app.billfold.support.WebSession;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Behind a reverse proxy the limits count the real client: X-Forwarded-For is believed only from a
 * trusted proxy (billfold.trusted-proxies; the tests' proxy connects from 127.0.0.2) and ignored
 * from anyone else, so neither can one client lock guest pay for everyone behind the proxy nor can
 * a client escape its limit by naming another address.
 */
@QuarkusTest
class ForwardedHeadersTest {

    @Inject
    TestData data;

    @Inject
    AccountRepository accounts;

    @BeforeEach
    @AfterEach
    void forget() {
        data.fresh(() -> accounts.getEntityManager()
                .createNativeQuery("delete from guest_attempt")
                .executeUpdate());
        data.forgetSignInFailures();
    }

    @Test
    void aForwardedAddressFromAnUntrustedPeerIsIgnored() {
        WebSession direct = new WebSession();
        direct.get("/guest");
        direct.request()
                .header("X-Forwarded-For", "203.0.113.5")
                .contentType("application/x-www-form-urlencoded")
                .formParam("csrf", direct.csrfToken())
                .formParam("accountNumber", "NO-SUCH-ACCOUNT")
                .formParam("postcode", "00000")
                .post("/guest");

        assertThat(clientsCounted()).containsExactly("127.0.0.1");
    }

    @Test
    void theTrustedProxysClientIsCountedSoOneClientLocksOnlyItself() {
        WebSession attacker = WebSession.behindProxy("203.0.113.6");
        for (int i = 0; i < 5; i++) {
            assertThat(attacker.post("/guest", Map.of("accountNumber", "NO-SUCH-" + i, "postcode", "00000"))
                            .statusCode())
                    .isEqualTo(400);
        }
        assertThat(clientsCounted()).containsOnly("203.0.113.6").hasSize(5);
        assertThat(attacker.post("/guest", Map.of("accountNumber", "NO-SUCH-5", "postcode", "00000"))
                        .statusCode())
                .isEqualTo(429);

        var una = data.aCustomer().create();
        WebSession neighbour = WebSession.behindProxy("203.0.113.7");
        assertThat(neighbour
                        .post("/guest", Map.of("accountNumber", una.account().number, "postcode", "75001"))
                        .statusCode())
                .as("another client behind the same proxy")
                .isEqualTo(303);
    }

    @Test
    void signInFailuresNameTheForwardedClient() {
        WebSession browser = WebSession.behindProxy("203.0.113.8");
        browser.post("/login", Map.of("email", "nobody-fwd@example.com", "password", "wrong-password"));
        String detail = data.fresh(() -> app.billfold.audit.AuditEntry.<app.billfold.audit.AuditEntry>find(
                        "action = ?1 and actor = ?2", "sign-in.failed", "nobody-fwd@example.com")
                .firstResult()
                .detail);
        assertThat(detail).isEqualTo("from 203.0.113.8");
    }

    @SuppressWarnings("unchecked")
    private List<String> clientsCounted() {
        return data.fresh(() -> (List<String>) accounts.getEntityManager()
                .createNativeQuery("select client_address from guest_attempt order by id")
                .getResultList());
    }
}
