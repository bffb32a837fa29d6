package app.billfold.invoice;

import static org.assertj.core.api.Assertions.assertThat;

import app.billfold.biller.Biller;
import app.billfold.support.TestData;
import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.parser.PdfTextExtractor;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.util.Locale;
import org.junit.jupiter.api.Test;

@QuarkusTest
class InvoicePdfTest {

    @Inject
    TestData data;

    @Inject
    InvoicePdf pdf;

    @Inject
    Invoices invoices;

    @Inject
    Biller biller;

    @Test
    void printsEverythingAPayerNeeds() throws IOException {
        var customer = data.aCustomer().named("Grace Hopper").create();
        Invoice issued = data.anInvoice(customer.account())
                .due("2026-04-15")
                .withLine("Water consumption", "12.5", "2.10", "5.5")
                .withLine("Meter rental", "1", "4", "20")
                .issue();
        data.pay(customer.account(), "10.00");
        Invoice invoice = invoices.get(issued.id);

        String text = squash(text(pdf.render(invoice, biller.settings(), Locale.ENGLISH), 1));

        assertThat(text).contains(squash(biller.settings().legalName));
        for (String expected : new String[] {
            "Grace Hopper",
            "Account number: " + customer.account().number,
            "Invoice " + invoice.number,
            "Issue date: Mar 10, 2026",
            "Due date: Apr 15, 2026",
            "Water consumption",
            "Meter rental",
            "Tax rate (%)",
            "5.5 %\u20ac26.25",
            "20 %\u20ac4.00",
            "\u20ac26.25\u20ac1.44",
            "\u20ac4.00\u20ac0.80",
            "Total \u20ac32.49",
            "Paid \u20ac10.00",
            "Balance due \u20ac22.49",
            // Unit prices as money; the tests' address is localhost, which a bill never prints.
            "12.5€2.10",
            "your account number " + customer.account().number,
        }) {
            assertThat(text).contains(squash(expected));
        }
    }

    @Test
    void printsInFrench() throws IOException {
        var customer = data.aCustomer().create();
        Invoice invoice = data.anInvoice(customer.account())
                .withLine("Eau", "1", "1234.5", "20")
                .issue();
        String text = squash(text(pdf.render(invoices.get(invoice.id), biller.settings(), Locale.FRENCH), 1));
        assertThat(text)
                .contains(squash("Facture " + invoice.number))
                .contains(squash("Date d'\u00e9ch\u00e9ance : 30 avr. 2026"))
                .contains(squash("Reste \u00e0 payer 1 481,40 \u20ac"));
    }

    @Test
    void aLongInvoiceRepeatsTheTableHeaderOnEveryPage() throws IOException {
        var customer = data.aCustomer().create();
        TestData.InvoiceBuilder builder = data.anInvoice(customer.account());
        for (int i = 1; i <= 200; i++) {
            builder.withLine("Line number " + i, "1", "1.00", "0");
        }
        Invoice invoice = invoices.get(builder.issue().id);
        byte[] bytes = pdf.render(invoice, biller.settings(), Locale.ENGLISH);
        PdfReader reader = new PdfReader(bytes);
        int pages = reader.getNumberOfPages();
        assertThat(pages).isGreaterThan(2);
        PdfTextExtractor extractor = new PdfTextExtractor(reader);
        // The repeated header row is an artifact (drawn for the eye, not read twice by a screen
        // reader), which OpenPDF's extractor leaves out: PDFBox reads everything drawn.
        try (var document = org.apache.pdfbox.Loader.loadPDF(bytes)) {
            var stripper = new org.apache.pdfbox.text.PDFTextStripper();
            for (int page = 1; page <= pages; page++) {
                stripper.setStartPage(page);
                stripper.setEndPage(page);
                String text = stripper.getText(document);
                if (text.contains("Line number")) {
                    assertThat(text).as("page %d", page).contains("Description").contains("Unit price");
                }
            }
        }
        assertThat(squash(extractor.getTextFromPage(pages))).contains(squash("Balance due \u20ac200.00"));
        assertThat(text(bytes, 1)).contains("Line number 1 ").contains("Line number 200");
    }

    /** Text extraction does not keep the spaces between table cells; compare without any. */
    private static String squash(String text) {
        return java.text.Normalizer.normalize(text, java.text.Normalizer.Form.NFC)
                .replaceAll("\\s+", "");
    }

    private static String text(byte[] bytes, int page) throws IOException {
        assertThat(new String(bytes, 0, 5)).isEqualTo("%PDF-");
        PdfReader reader = new PdfReader(bytes);
        StringBuilder all = new StringBuilder();
        PdfTextExtractor extractor = new PdfTextExtractor(reader);
        for (int p = page; p <= reader.getNumberOfPages(); p++) {
            all.append(extractor.getTextFromPage(p)).append('\n');
        }
        return all.toString().replace('\n', ' ').replaceAll(" +", " ");
    }
}
