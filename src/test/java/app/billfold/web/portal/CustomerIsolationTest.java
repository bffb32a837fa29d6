package app.billfold.web.portal;

import static org.assertj.core.api.Assertions.assertThat;

import app.billfold.invoice.Invoice;
import app.billfold.support.TestData;
import app.billfold.support.WebSession;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

/** Invariant 7: a customer sees only their own accounts and invoices. */
@QuarkusTest
class CustomerIsolationTest {

    @Inject
    TestData data;

    @Test
    void twoCustomersProbingEachOthersInvoicesGetNotFound() {
        var ada = data.aCustomer().named("Ada Probe").withLogin("ada-secret").create();
        var ben = data.aCustomer().named("Ben Probe").withLogin("ben-secret").create();
        Invoice adas = data.anInvoice(ada.account())
                .withLine("Ada's water", "1", "10", "0")
                .issue();
        Invoice bens = data.anInvoice(ben.account())
                .withLine("Ben's water", "1", "20", "0")
                .issue();

        WebSession asAda = WebSession.signedIn(ada.email(), "ada-secret");
        WebSession asBen = WebSession.signedIn(ben.email(), "ben-secret");

        assertThat(asAda.get("/portal/invoices/" + adas.number).statusCode()).isEqualTo(200);
        assertThat(asAda.get("/portal/invoices/" + adas.number + ".pdf").statusCode())
                .isEqualTo(200);

        Response probe = asAda.get("/portal/invoices/" + bens.number);
        assertThat(probe.statusCode()).isEqualTo(404);
        assertThat(probe.asString()).doesNotContain("Ben's water").doesNotContain(ben.account().number);
        Response pdfProbe = asAda.get("/portal/invoices/" + bens.number + ".pdf");
        assertThat(pdfProbe.statusCode()).isEqualTo(404);
        assertThat(pdfProbe.contentType()).startsWith("text/html");

        assertThat(asBen.get("/portal/invoices/" + adas.number).statusCode()).isEqualTo(404);
        assertThat(asBen.get("/portal/invoices/" + adas.number + ".pdf").statusCode())
                .isEqualTo(404);

        String adasList = asAda.get("/portal/invoices").asString();
        assertThat(adasList).contains(adas.number).doesNotContain(bens.number);
        String adasDashboard = asAda.get("/portal").asString();
        assertThat(adasDashboard).contains(ada.account().number).doesNotContain(ben.account().number);
    }

    @Test
    void aDraftIsNotVisibleToItsCustomer() {
        var ada = data.aCustomer().withLogin("pw-draft").create();
        Invoice draft = data.anInvoice(ada.account()).draft();
        WebSession asAda = WebSession.signedIn(ada.email(), "pw-draft");
        assertThat(asAda.get("/portal/invoices").asString()).doesNotContain("/console/invoices/" + draft.id);
        assertThat(asAda.get("/console/invoices/" + draft.id).statusCode()).isEqualTo(403);
    }

    @Test
    void customersCannotOpenTheConsoleAndStrangersAreSentToSignIn() {
        var ada = data.aCustomer().withLogin("pw-console").create();
        WebSession asAda = WebSession.signedIn(ada.email(), "pw-console");
        Response console = asAda.get("/console/customers");
        assertThat(console.statusCode()).isEqualTo(403);
        assertThat(console.asString()).contains("Not allowed").doesNotContain("at app.billfold");
        assertThat(asAda.get("/console/accounts/" + ada.account().id).statusCode())
                .isEqualTo(403);

        Response anonymous = new WebSession().get("/portal/invoices");
        assertThat(anonymous.statusCode()).isEqualTo(303);
        assertThat(anonymous.header("Location")).endsWith("/?next=%2Fportal%2Finvoices");
    }

    @Test
    void staffCannotUseThePortal() {
        String clerk = data.staff(app.billfold.identity.Role.CLERK, "clerk-pw");
        assertThat(WebSession.signedIn(clerk, "clerk-pw").get("/portal").statusCode())
                .isEqualTo(403);
    }
}
