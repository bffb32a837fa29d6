package app.billfold.web.console;

import app.billfold.billing.BillingRun;
import app.billfold.billing.BillingRuns;
import app.billfold.billing.Plan;
import app.billfold.billing.PlanForm;
import app.billfold.billing.Plans;
import app.billfold.billing.Subscriptions;
import app.billfold.billing.UsageImport;
import app.billfold.common.FieldErrors;
import app.billfold.common.InvalidInputException;
import app.billfold.common.UploadedCsv;
import app.billfold.identity.CurrentUser;
import app.billfold.identity.Role;
import app.billfold.web.common.Redirects;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.multipart.FileUpload;

/**
 * Recurring billing in the console: plans, subscriptions, usage import, billing runs (run now,
 * dry run, progress and records).
 */
@Path("/console")
@RolesAllowed({Role.CLERK_ROLE, Role.ADMIN_ROLE})
@Produces(MediaType.TEXT_HTML)
public class ConsoleBillingResource {

    static final int LINE_ROWS = 4;
    static final int MAX_CSV_BYTES = 5 * 1024 * 1024;

    @CheckedTemplate(basePath = "console/billing")
    static class Templates {
        static native TemplateInstance overview(
                List<BillingRun> runs, List<Plan> plans, UsageImport.Result imported, String importError);

        static native TemplateInstance run(BillingRun run);

        static native TemplateInstance preview(BillingRuns.Preview preview, String currency);

        static native TemplateInstance plan(PlanForm form, FieldErrors errors);
    }

    @Inject
    BillingRuns runs;

    @Inject
    Plans plans;

    @Inject
    Subscriptions subscriptions;

    @Inject
    UsageImport usage;

    @Inject
    CurrentUser user;

    @Inject
    app.billfold.biller.Biller biller;

    @GET
    @Path("billing")
    public TemplateInstance overview() {
        return overview(null, null);
    }

    @POST
    @Path("billing/run")
    public Response runNow() {
        Long id = runs.start(user.email());
        return Redirects.seeOther("/console/billing/runs/" + id);
    }

    @GET
    @Path("billing/runs/{id}")
    public TemplateInstance run(@RestPath Long id) {
        return Templates.run(runs.record(id));
    }

    @GET
    @Path("billing/preview")
    public TemplateInstance preview() {
        return Templates.preview(runs.preview(), biller.settings().currency);
    }

    @POST
    @Path("billing/usage")
    public Response importUsage(@RestForm("file") FileUpload file) throws IOException {
        if (file == null || file.size() == 0) {
            return Response.status(Response.Status.BAD_REQUEST)
                    .entity(overview(null, "usage_file_missing"))
                    .build();
        }
        if (file.size() > MAX_CSV_BYTES) {
            return Response.status(Response.Status.BAD_REQUEST)
                    .entity(overview(null, "usage_file_too_big"))
                    .build();
        }
        String text =
                UploadedCsv.decode(Files.readAllBytes(file.uploadedFile())).orElse(null);
        if (text == null) {
            return Response.status(Response.Status.BAD_REQUEST)
                    .entity(overview(null, "usage_file_not_utf8"))
                    .build();
        }
        UsageImport.Result result = usage.importCsv(text, user.email());
        return Response.status(result.applied() ? Response.Status.OK : Response.Status.BAD_REQUEST)
                .entity(overview(result, null))
                .build();
    }

    @GET
    @Path("plans/new")
    public TemplateInstance newPlan() {
        List<PlanForm.Line> lines = new ArrayList<>();
        for (int i = 0; i < LINE_ROWS; i++) {
            lines.add(new PlanForm.Line("", i == 0 ? "FIXED" : "METERED", "", "", "0", ""));
        }
        return Templates.plan(new PlanForm("", "MONTHLY", "1", "14", lines), new FieldErrors());
    }

    @POST
    @Path("plans")
    public Response createPlan(
            @RestForm String name,
            @RestForm String frequency,
            @RestForm String billingDay,
            @RestForm String paymentTermsDays,
            @RestForm("description") List<String> descriptions,
            @RestForm("kind") List<String> kinds,
            @RestForm("unit") List<String> units,
            @RestForm("unitPrice") List<String> prices,
            @RestForm("taxRate") List<String> taxRates,
            @RestForm("tiers") List<String> tiers) {
        List<PlanForm.Line> lines = new ArrayList<>();
        for (int i = 0; i < Math.min(descriptions.size(), 20); i++) {
            lines.add(new PlanForm.Line(
                    descriptions.get(i), at(kinds, i), at(units, i), at(prices, i), at(taxRates, i), at(tiers, i)));
        }
        PlanForm form = new PlanForm(name, frequency, billingDay, paymentTermsDays, lines);
        try {
            plans.create(form, user.email());
        } catch (InvalidInputException e) {
            return Response.status(Response.Status.BAD_REQUEST)
                    .entity(Templates.plan(form, e.errors()))
                    .build();
        }
        return Redirects.seeOther("/console/billing", "notice_settings_saved");
    }

    @Inject
    ConsoleAccountResource accountPages;

    @POST
    @Path("accounts/{id}/subscriptions")
    public Response subscribe(
            @RestPath Long id, @RestForm String plan, @RestForm String startsOn, @RestForm String endsOn) {
        try {
            subscriptions.subscribe(id, plan, startsOn, endsOn, user.email());
        } catch (app.billfold.common.InvalidInputException e) {
            return accountPages.refused(
                    id, e, java.util.Map.of("startsOn", nonNull(startsOn), "endsOn", nonNull(endsOn)));
        }
        return Redirects.seeOther("/console/accounts/" + id, "notice_account_updated");
    }

    private TemplateInstance overview(UsageImport.Result imported, String importError) {
        return Templates.overview(runs.recent(20), plans.all(), imported, importError);
    }

    private static String nonNull(String s) {
        return s == null ? "" : s;
    }

    private static String at(List<String> values, int index) {
        return values != null && index < values.size() ? values.get(index) : "";
    }
}
