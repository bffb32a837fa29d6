package app.billfold.biller;

import static org.assertj.core.api.Assertions.assertThat;

import app.billfold.identity.Role;
import app.billfold.invoice.Invoice;
import app.billfold.invoice.InvoicePdf;
import app.billfold.invoice.Invoices;
import app.billfold.support.TestData;
import app.billfold.support.WebSession;
import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.parser.PdfTextExtractor;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.util.Locale;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class BillerSettingsTest {

    @Inject
    TestData data;

    @Inject
    Biller biller;

    @Inject
    InvoicePdf pdf;

    @Inject
    Invoices invoices;

    BillerSettingsForm original;

    @BeforeEach
    void remember() {
        original = data.fresh(() -> BillerSettingsForm.of(biller.settings()));
    }

    /** Other tests expect the default biller (prefix INV-): put it back. */
    @AfterEach
    void restore() {
        io.quarkus.narayana.jta.QuarkusTransaction.requiringNew()
                .run(() -> biller.update(
                        new BillerSettingsForm(
                                original.legalName(),
                                original.address(),
                                original.taxId(),
                                original.currency(),
                                original.timeZone(),
                                original.invoicePrefix(),
                                original.supportEmail(),
                                original.supportPhone(),
                                original.brandColour(),
                                null,
                                null,
                                true,
                                original.reminderDays(),
                                original.reminderSmsDays()),
                        TestData.ACTOR));
    }

    @Test
    void anAdminBrandsTheBillsWithNameColourAndLogo() throws Exception {
        String admin = data.staff(Role.ADMIN, "admin-password");
        WebSession asAdmin = WebSession.signedIn(admin, "admin-password");
        asAdmin.get("/console/settings");
        byte[] logo = png();
        Response saved = asAdmin.request()
                .multiPart("csrf", asAdmin.csrfToken())
                .multiPart("legalName", "Lakeside Water")
                .multiPart("address", "2 Harbour Road, 69001 Lyon")
                .multiPart("taxId", "FR12345678901")
                .multiPart("currency", "EUR")
                .multiPart("timeZone", "Europe/Paris")
                .multiPart("invoicePrefix", "LW-")
                .multiPart("supportEmail", "Help@Lakeside.example")
                .multiPart("supportPhone", "+33 4 72 00 00 00")
                .multiPart("brandColour", "#1A7F37")
                .multiPart("reminderDays", "-3, 0, 7")
                .multiPart("reminderSmsDays", "7")
                .multiPart("logo", "logo.png", logo, "image/png")
                .post("/console/settings");
        assertThat(saved.statusCode()).isEqualTo(303);

        BillerSettings settings = data.fresh(() -> biller.settings());
        assertThat(settings.legalName).isEqualTo("Lakeside Water");
        assertThat(settings.supportEmail).isEqualTo("help@lakeside.example");
        assertThat(settings.brandColour).isEqualTo("#1a7f37");
        assertThat(settings.reminderSteps()).containsExactly(-3, 0, 7);
        assertThat(settings.supportPhone).isEqualTo("+33472000000");
        assertThat(settings.reminderChannels(0)).containsExactly(app.billfold.notify.Channel.EMAIL);
        assertThat(settings.reminderChannels(7))
                .containsExactlyInAnyOrder(app.billfold.notify.Channel.EMAIL, app.billfold.notify.Channel.SMS);
        assertThat(asAdmin.get("/brand/logo").asByteArray()).isEqualTo(logo);
        assertThat(asAdmin.get("/brand/style.css").asString()).contains("--brand:#1a7f37");
        assertThat(asAdmin.get("/console/settings").asString()).contains("Lakeside Water");

        var customer = data.aCustomer().create();
        Invoice invoice = data.anInvoice(customer.account()).issue();
        assertThat(invoice.number).startsWith("LW-");
        byte[] bytes = pdf.render(invoices.get(invoice.id), settings, Locale.ENGLISH);
        PdfReader reader = new PdfReader(bytes);
        assertThat(new PdfTextExtractor(reader).getTextFromPage(1))
                .contains("Lakeside Water")
                .contains("FR12345678901");
        assertThat(new String(bytes, java.nio.charset.StandardCharsets.ISO_8859_1))
                .contains("/Subtype/Image");
    }

    @Test
    void aLogoThatIsNotAnImageIsRefused() throws Exception {
        String admin = data.staff(Role.ADMIN, "admin-password");
        WebSession asAdmin = WebSession.signedIn(admin, "admin-password");
        asAdmin.get("/console/settings");
        Response refused = asAdmin.request()
                .multiPart("csrf", asAdmin.csrfToken())
                .multiPart("legalName", "Evil Corp")
                .multiPart("address", "x")
                .multiPart("currency", "EUR")
                .multiPart("timeZone", "Europe/Paris")
                .multiPart("invoicePrefix", "INV-")
                .multiPart("supportEmail", "help@example.com")
                .multiPart("brandColour", "#000000")
                .multiPart("logo", "logo.svg", "<svg onload=alert(1)/>".getBytes(), "image/svg+xml")
                .post("/console/settings");
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.asString()).contains("The logo must be a PNG or JPEG image.");
        assertThat(data.fresh(() -> biller.settings().legalName)).isNotEqualTo("Evil Corp");
    }

    /** Invoice numbers must stay within the French e-invoicing rule: 35 of letters, digits, + - _ /. */
    @Test
    void aPrefixThatWouldMakeNumbersUnfitForEInvoicesIsRefused() {
        String admin = data.staff(Role.ADMIN, "admin-password");
        WebSession asAdmin = WebSession.signedIn(admin, "admin-password");
        asAdmin.get("/console/settings");
        for (String prefix : java.util.List.of("FAC 2026.", "A".repeat(21))) {
            Response refused = asAdmin.request()
                    .multiPart("csrf", asAdmin.csrfToken())
                    .multiPart("legalName", "Prefix Test")
                    .multiPart("address", "x")
                    .multiPart("currency", "EUR")
                    .multiPart("timeZone", "Europe/Paris")
                    .multiPart("invoicePrefix", prefix)
                    .multiPart("supportEmail", "help@example.com")
                    .multiPart("brandColour", "#000000")
                    .post("/console/settings");
            assertThat(refused.statusCode()).isEqualTo(400);
            assertThat(refused.asString()).contains("id=\"e-invoicePrefix\"");
        }
        assertThat(data.fresh(() -> biller.settings().invoicePrefix)).isEqualTo("INV-");
    }

    private static byte[] png() throws Exception {
        BufferedImage image = new BufferedImage(40, 20, BufferedImage.TYPE_INT_RGB);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }
}
