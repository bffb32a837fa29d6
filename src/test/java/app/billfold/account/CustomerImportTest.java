package app.billfold.account;

import static org.assertj.core.api.Assertions.assertThat;

import app.billfold.identity.Role;
import app.billfold.support.TestData;
import app.billfold.support.WebSession;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Customer and account import: preview, row-level errors, nothing half-applied, idempotent re-import. */
@QuarkusTest
class CustomerImportTest {

    static final String HEADER = "name,email,phone,account_number,service_address,postcode,paperless,language\n";

    @Inject
    CustomerImport importer;

    @Inject
    AccountRepository accounts;

    @Inject
    TestData data;

    @Test
    void aFileWithABadRowIsRefusedWholeWithEachProblemOnItsLine() {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        String csv = HEADER
                + "Good Row," + tag + "-a@example.com,,IMP" + tag + "A,1 Road,75001,no,en\n"
                + "No Mail,not-an-address,,IMP" + tag + "B,2 Road,75001,no,en\n"
                + "Dup,dup-" + tag + "@example.com,,IMP" + tag + "A,3 Road,75001,maybe,de\n"
                + "Short,row\n";

        CustomerImport.Preview result = importer.apply(csv, TestData.ACTOR);

        assertThat(result.valid()).isFalse();
        assertThat(result.rows()).extracting(CustomerImport.Row::line).containsExactly(2L, 3L, 4L, 5L);
        assertThat(result.rows().get(0).problems()).isEmpty();
        assertThat(result.rows().get(1).problems()).contains("error_email");
        assertThat(result.rows().get(2).problems())
                .contains("error_import_duplicate", "error_import_paperless", "error_choice");
        assertThat(result.rows().get(3).problems()).containsExactly("error_import_columns");
        assertThat(data.fresh(() -> accounts.findByNumber("IMP" + tag.toUpperCase() + "A")))
                .isEmpty();
    }

    @Test
    void theSameFileTwiceChangesNothingTheSecondTimeAndAChangedRowUpdates() {
        String tag = UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        String csv = HEADER
                + "Ann Import,ann-" + tag + "@example.com,06 12 34 56 11,IMP" + tag + "1,1 Mill Lane,75011,yes,fr\n"
                + "Ann Import,ann-" + tag + "@example.com,06 12 34 56 11,IMP" + tag
                + "2,1 Mill Lane garage,75011,no,fr\n"
                + "Bo Import,bo-" + tag + "@example.com,,IMP" + tag + "3,9 Quay,69001,no,en\n";

        CustomerImport.Preview preview = importer.preview(csv);
        assertThat(preview.valid()).isTrue();
        assertThat(preview.rows())
                .extracting(CustomerImport.Row::action)
                .containsExactly(
                        CustomerImport.Action.CREATE, CustomerImport.Action.ADD_ACCOUNT, CustomerImport.Action.CREATE);
        assertThat(data.fresh(() -> accounts.findByNumber("IMP" + tag + "1")))
                .as("a preview writes nothing")
                .isEmpty();

        assertThat(importer.apply(csv, TestData.ACTOR).valid()).isTrue();
        Account first =
                data.fresh(() -> accounts.findByNumber("IMP" + tag + "1").orElseThrow());
        Account second =
                data.fresh(() -> accounts.findByNumber("IMP" + tag + "2").orElseThrow());
        assertThat(first.paperless).isTrue();
        assertThat(data.fresh(() -> Account.<Account>findById(first.id).customer.id))
                .as("one customer with two accounts")
                .isEqualTo(data.fresh(() -> Account.<Account>findById(second.id).customer.id));
        assertThat(data.fresh(() -> Account.<Account>findById(first.id).customer.phone))
                .isEqualTo("+33612345611");

        CustomerImport.Preview again = importer.apply(csv, TestData.ACTOR);
        assertThat(again.rows()).extracting(CustomerImport.Row::action).containsOnly(CustomerImport.Action.UNCHANGED);
        assertThat(data.fresh(() -> Customer.count("email", "ann-" + tag.toLowerCase() + "@example.com")))
                .isEqualTo(1);

        String changed = csv.replace("9 Quay,69001,no", "11 Quay,69001,yes");
        CustomerImport.Preview update = importer.apply(changed, TestData.ACTOR);
        assertThat(update.rows().get(2).action()).isEqualTo(CustomerImport.Action.UPDATE);
        Account bo = data.fresh(() -> accounts.findByNumber("IMP" + tag + "3").orElseThrow());
        assertThat(bo.serviceAddress).isEqualTo("11 Quay");
        assertThat(bo.paperless).isTrue();
    }

    @Test
    void aClerkPreviewsThenImportsFromTheConsole() {
        String tag = UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        String csv = HEADER + "Cy Import,cy-" + tag + "@example.com,,IMP" + tag + "C,4 Road,75004,no,en\n";
        String clerk = data.staff(Role.CLERK, "clerk-password");
        var console = WebSession.signedIn(clerk, "clerk-password");
        assertThat(console.get("/console/customers/import").statusCode()).isEqualTo(200);

        var preview = console.request()
                .multiPart("csrf", console.csrfToken())
                .multiPart("file", "customers.csv", csv.getBytes(), "text/csv")
                .post("/console/customers/import/preview");
        assertThat(preview.statusCode()).isEqualTo(200);
        assertThat(preview.asString()).contains("New customer").contains("IMP" + tag + "C");

        var bad = console.request()
                .multiPart("csrf", console.csrfToken())
                .multiPart("file", "customers.csv", (HEADER + "X,bad,,,1 Road,75001,no,en\n").getBytes(), "text/csv")
                .post("/console/customers/import/preview");
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.asString()).contains("Every row needs its account number");

        var applied = console.post("/console/customers/import", Map.of("csv", csv));
        assertThat(applied.statusCode()).isEqualTo(200);
        assertThat(applied.asString()).contains("Imported.");
        assertThat(data.fresh(() -> accounts.findByNumber("IMP" + tag + "C"))).isPresent();
    }
}
