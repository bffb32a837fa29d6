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
        // The logo carries the tag of its bytes: a browser that kept it asks again and gets 304.
        io.restassured.response.Response served = asAdmin.get("/brand/logo");
        String etag = served.header("ETag");
        assertThat(etag)
                .isEqualTo("\""
                        + java.util.HexFormat.of()
                                .formatHex(java.security.MessageDigest.getInstance("SHA-256")
                                        .digest(logo))
                        + "\"");
        assertThat(served.header("Cache-Control")).isEqualTo("public, max-age=300");
        io.restassured.response.Response kept =
                new WebSession().request().header("If-None-Match", etag).get("/brand/logo");
        assertThat(kept.statusCode()).isEqualTo(304);
        assertThat(kept.header("ETag")).isEqualTo(etag);
        assertThat(kept.asByteArray()).isEmpty();
        assertThat(new WebSession()
                        .request()
                        .header("If-None-Match", "\"an-older-logo\"")
                        .get("/brand/logo")
                        .asByteArray())
                .isEqualTo(logo);
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

    @Test
    void currencyAndTimeZoneAreChosenFromListsAndTheCurrencyIsLockedOnceBillsExist() {
        String admin = data.staff(Role.ADMIN, "admin-password");
        WebSession asAdmin = WebSession.signedIn(admin, "admin-password");
        String page = asAdmin.get("/console/settings").asString();
        assertThat(page)
                .contains("<select id=\"f-currency\" name=\"currency\"")
                .contains("<option value=\"EUR\" selected>EUR — Euro</option>")
                .contains("<select id=\"f-timeZone\" name=\"timeZone\"")
                .contains("cannot change once a bill has been issued");
        // The biller's own region leads the list a customer picks a time zone from.
        var customer = data.aCustomer().withLogin("zone-password-1").create();
        String zones = WebSession.signedIn(customer.email(), "zone-password-1")
                .get("/portal/preferences")
                .asString();
        String region = data.fresh(() -> biller.settings().timeZone).replaceAll("/.*", "/");
        int firstOption = zones.indexOf("<option value=\"", zones.indexOf("id=\"f-timeZone\""));
        int secondOption = zones.indexOf("<option value=\"", firstOption + 1);
        assertThat(zones.substring(secondOption + "<option value=\"".length())).startsWith(region);

        data.anInvoice(customer.account()).issue();
        Response refused = asAdmin.request()
                .multiPart("csrf", asAdmin.csrfToken())
                .multiPart("legalName", original.legalName())
                .multiPart("address", original.address())
                .multiPart("currency", "GBP")
                .multiPart("timeZone", "Europe/London")
                .multiPart("invoicePrefix", "INV-")
                .multiPart("supportEmail", original.supportEmail())
                .multiPart("brandColour", "#000000")
                .post("/console/settings");
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.asString()).contains("id=\"e-currency\"");
        assertThat(data.fresh(() -> biller.settings().currency)).isEqualTo(original.currency());
        assertThat(data.fresh(() -> biller.settings().timeZone)).isEqualTo(original.timeZone());
    }

    @Test
    void aNewAccountOpensActiveWhateverIsPosted() {
        String clerk = data.staff(Role.CLERK, "clerk-password-1");
        WebSession console = WebSession.signedIn(clerk, "clerk-password-1");
        var customer = data.aCustomer().create();
        assertThat(console.get("/console/customers/" + customer.id() + "/accounts/new")
                        .asString())
                .doesNotContain("name=\"status\"");
        Response opened = console.post(
                "/console/customers/" + customer.id() + "/accounts",
                java.util.Map.of("serviceAddress", "3 Mill Lane", "postcode", "69002", "status", "CLOSED"));
        assertThat(opened.statusCode()).isEqualTo(303);
        Long accountId = Long.valueOf(opened.header("Location").replaceAll(".*/accounts/(\\d+).*", "$1"));
        assertThat(data.fresh(
                        () -> app.billfold.account.Account.<app.billfold.account.Account>findById(accountId).status))
                .isEqualTo(app.billfold.account.AccountStatus.ACTIVE);
        assertThat(console.get("/console/accounts/" + accountId + "/edit").asString())
                .contains("name=\"status\"");
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

    @Test
    void aLogoIsCheckedByDecodingItNotByItsNameOrDeclaredType() throws Exception {
        String admin = data.staff(Role.ADMIN, "admin-password");
        WebSession asAdmin = WebSession.signedIn(admin, "admin-password");
        asAdmin.get("/console/settings");

        Response text = saveLogo(asAdmin, "logo.png", "this is not a picture".getBytes(), "image/png");
        assertThat(text.statusCode()).isEqualTo(400);
        assertThat(text.asString()).contains("The logo must be a PNG or JPEG image.");

        Response gif = saveLogo(asAdmin, "logo.png", image("gif", 40, 20), "image/png");
        assertThat(gif.statusCode()).isEqualTo(400);
        assertThat(gif.asString()).contains("The logo must be a PNG or JPEG image.");

        byte[] cut = java.util.Arrays.copyOf(png(), 60);
        Response truncated = saveLogo(asAdmin, "logo.png", cut, "image/png");
        assertThat(truncated.statusCode()).isEqualTo(400);

        Response wide = saveLogo(asAdmin, "logo.png", image("png", 2001, 10), "image/png");
        assertThat(wide.statusCode()).isEqualTo(400);
        assertThat(wide.asString()).contains("The logo must be at most 2000 by 2000 pixels.");

        Response heavy = saveLogo(asAdmin, "logo.png", new byte[256 * 1024 + 1], "image/png");
        assertThat(heavy.statusCode()).isEqualTo(400);
        assertThat(heavy.asString()).contains("The logo must be smaller than 256 KB.");
        assertThat(data.fresh(() -> biller.settings().hasLogo())).isFalse();

        byte[] jpeg = image("jpeg", 40, 20);
        Response saved = saveLogo(asAdmin, "logo.bin", jpeg, "application/octet-stream");
        assertThat(saved.statusCode()).isEqualTo(303);
        assertThat(data.fresh(() -> biller.settings().logoContentType)).isEqualTo("image/jpeg");
        assertThat(asAdmin.get("/brand/logo").contentType()).startsWith("image/jpeg");
    }

    /** A logo stored before uploads were checked, or damaged since: the bill is printed without it. */
    @Test
    void aStoredLogoThatDoesNotDecodeIsLeftOffTheBill() throws Exception {
        var customer = data.aCustomer().withLogin("logo-pw").create();
        Invoice invoice = data.anInvoice(customer.account())
                .withLine("Water", "1", "10", "0")
                .issue();
        io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().run(() -> {
            BillerSettings settings = biller.settingsForChange();
            settings.logo = "GIF89a but not really".getBytes();
            settings.logoContentType = "image/png";
        });
        byte[] bytes = data.fresh(() -> pdf.render(invoices.get(invoice.id), biller.settings(), Locale.ENGLISH));
        assertThat(new PdfTextExtractor(new PdfReader(bytes)).getTextFromPage(1))
                .contains(invoice.number);
        assertThat(new String(bytes, java.nio.charset.StandardCharsets.ISO_8859_1))
                .doesNotContain("/Subtype/Image");

        WebSession browser = WebSession.signedIn(customer.email(), "logo-pw");
        Response download = browser.get("/portal/invoices/" + invoice.number + ".pdf");
        assertThat(download.statusCode()).isEqualTo(200);
        assertThat(download.contentType()).startsWith("application/pdf");
    }

    private static Response saveLogo(WebSession asAdmin, String name, byte[] bytes, String type) {
        return asAdmin.request()
                .multiPart("csrf", asAdmin.csrfToken())
                .multiPart("legalName", "Logo Test")
                .multiPart("address", "x")
                .multiPart("currency", "EUR")
                .multiPart("timeZone", "Europe/Paris")
                .multiPart("invoicePrefix", "INV-")
                .multiPart("supportEmail", "help@example.com")
                .multiPart("brandColour", "#000000")
                .multiPart("logo", name, bytes, type)
                .post("/console/settings");
    }

    private static byte[] image(String format, int width, int height) throws Exception {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertThat(ImageIO.write(image, format, out)).isTrue();
        return out.toByteArray();
    }

    private static byte[] png() throws Exception {
        BufferedImage image = new BufferedImage(40, 20, BufferedImage.TYPE_INT_RGB);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }
}
