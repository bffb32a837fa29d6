package app.billfold.invoice;

import static org.assertj.core.api.Assertions.assertThat;

import app.billfold.account.AccountForm;
import app.billfold.account.Customers;
import app.billfold.support.TestData;
import app.billfold.support.WebSession;
import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.parser.PdfTextExtractor;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.IOException;
import org.junit.jupiter.api.Test;

/**
 * A newly issued bill, as the customer downloads it (stored at issue): the customer's town beside
 * the postcode, unit prices as money in the customer's notation, and never a loopback address as
 * the place to pay (the tests' public address is localhost, as in dev).
 */
@QuarkusTest
class BillAddressTest {

    @Inject
    TestData data;

    @Inject
    Customers customers;

    @Test
    void aNewBillNamesTheTownPricesAsMoneyAndNoLocalAddress() throws IOException {
        var nia = data.aCustomer().withLogin("nia-pw").create();
        data.fresh(() -> customers.updateAccount(
                nia.account().id,
                new AccountForm(nia.account().number, "1 Test Street", "75001", "ACTIVE", "Paris"),
                TestData.ACTOR));
        Invoice bill = data.anInvoice(nia.account())
                .withLine("Electricity", "100", "0.1234", "20")
                .withLine("Meter rental", "1", "4", "20")
                .issue();
        String text = squash(text(WebSession.signedIn(nia.email(), "nia-pw")
                .get("/portal/invoices/" + bill.number + ".pdf")
                .asByteArray()));
        assertThat(text)
                .contains(squash("75001 Paris"))
                .contains(squash("100 \u20ac0.1234"))
                .contains(squash("1 \u20ac4.00"))
                .contains(squash("your account number " + nia.account().number))
                .doesNotContain("localhost");

        var olu = data.aCustomer().speaking("fr").withLogin("olu-pw").create();
        Invoice facture = data.anInvoice(olu.account())
                .withLine("Électricité", "100", "0.1234", "20")
                .issue();
        String french = squash(text(WebSession.signedIn(olu.email(), "olu-pw")
                .get("/portal/invoices/" + facture.number + ".pdf")
                .asByteArray()));
        assertThat(french).contains(squash("0,1234 \u20ac")).doesNotContain("localhost");
    }

    private static String squash(String text) {
        return java.text.Normalizer.normalize(text, java.text.Normalizer.Form.NFC)
                .replaceAll("\\s+", "");
    }

    private static String text(byte[] bytes) throws IOException {
        assertThat(new String(bytes, 0, 5)).isEqualTo("%PDF-");
        PdfReader reader = new PdfReader(bytes);
        StringBuilder all = new StringBuilder();
        PdfTextExtractor extractor = new PdfTextExtractor(reader);
        for (int p = 1; p <= reader.getNumberOfPages(); p++) {
            all.append(extractor.getTextFromPage(p)).append('\n');
        }
        return all.toString();
    }
}
