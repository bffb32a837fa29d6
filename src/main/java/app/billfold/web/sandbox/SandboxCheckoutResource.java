package app.billfold.web.sandbox;

import app.billfold.biller.Biller;
import app.billfold.common.FieldErrors;
import app.billfold.common.Money;
import app.billfold.common.NotFoundException;
import app.billfold.identity.Signer;
import app.billfold.payment.ProcessorChoice;
import app.billfold.payment.gateway.MethodDetails;
import app.billfold.payment.sandbox.SandboxGateway;
import app.billfold.payment.sandbox.SandboxOrder;
import app.billfold.web.common.Redirects;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.YearMonth;
import java.time.ZoneOffset;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestQuery;

/**
 * The sandbox processor's hosted form: the only page that ever receives a card or account number.
 * It turns the number into a token and sends the browser back to Billfold with the token alone,
 * as a real processor's hosted page would. Nothing typed here is stored or logged.
 */
@Path("/sandbox/checkout")
@PermitAll
@Produces(MediaType.TEXT_HTML)
public class SandboxCheckoutResource {

    @CheckedTemplate(basePath = "sandbox")
    static class Templates {
        static native TemplateInstance checkout(
                String kind,
                String returnTo,
                String state,
                String order,
                Money amount,
                String payee,
                String cancel,
                FieldErrors errors);
    }

    @Inject
    SandboxGateway sandbox;

    @Inject
    Clock clock;

    @Inject
    ProcessorChoice processor;

    @Inject
    Signer signer;

    @Inject
    Biller biller;

    /** With a real processor the sandbox's page does not exist at all. */
    private void onlyWithTheSandbox() {
        if (!processor.isSandbox()) {
            throw new NotFoundException("sandbox");
        }
    }

    @GET
    public TemplateInstance form(
            @RestQuery String kind,
            @RestQuery("return") String returnTo,
            @RestQuery String state,
            @RestQuery String order) {
        onlyWithTheSandbox();
        return page(kindOf(kind), Redirects.safeLocalPath(returnTo, "/"), state, order, new FieldErrors());
    }

    /** The payee and, from the signed order, the amount and the way back, as a processor's page shows them. */
    private TemplateInstance page(String kind, String returnTo, String state, String order, FieldErrors errors) {
        SandboxOrder shown = SandboxOrder.read(signer, order).orElse(null);
        return Templates.checkout(
                kind,
                returnTo,
                state == null ? "" : state,
                shown == null ? "" : order,
                shown == null ? null : shown.amount(),
                biller.settings().legalName,
                shown == null ? null : Redirects.safeLocalPath(shown.cancel(), null),
                errors);
    }

    @POST
    public Response tokenize(
            @RestForm String kind,
            @RestForm("return") String returnTo,
            @RestForm String state,
            @RestForm String order,
            @RestForm String number,
            @RestForm String expMonth,
            @RestForm String expYear,
            @RestForm String cvc) {
        onlyWithTheSandbox();
        String back = Redirects.safeLocalPath(returnTo, "/");
        String digits = number == null ? "" : number.replaceAll("[\\s-]", "");
        FieldErrors errors = new FieldErrors();
        MethodDetails details = null;
        if ("bank".equals(kindOf(kind))) {
            details = digits.isEmpty() ? null : sandbox.tokenizeBankAccount(digits);
            if (details == null) {
                errors.reject("number", digits.isEmpty() ? "error_required" : "error_sandbox_account");
            }
        } else {
            int month = parse(expMonth);
            int year = parse(expYear);
            if (month < 1 || month > 12 || year < 2000 || year > 2100) {
                errors.reject("expiry", "error_card_expiry");
            } else if (YearMonth.of(year, month).isBefore(YearMonth.now(clock.withZone(ZoneOffset.UTC)))) {
                errors.reject("expiry", "error_card_expired");
            }
            if (cvc == null || !cvc.matches("\\d{3,4}")) {
                errors.reject("cvc", "error_card_cvc");
            }
            if (digits.isEmpty()) {
                errors.reject("number", "error_required");
            } else if (errors.isEmpty()) {
                details = sandbox.tokenizeCard(digits, month, year);
                if (details == null) {
                    errors.reject("number", "error_sandbox_card");
                }
            }
        }
        if (details == null) {
            return Response.status(Response.Status.BAD_REQUEST)
                    .entity(page(kindOf(kind), back, state, order, errors))
                    .build();
        }
        String separator = back.contains("?") ? "&" : "?";
        return Redirects.seeOther(back + separator + "token=" + details.token() + "&state="
                + URLEncoder.encode(state == null ? "" : state, StandardCharsets.UTF_8));
    }

    private static String kindOf(String kind) {
        return "bank".equals(kind) ? "bank" : "card";
    }

    private static int parse(String value) {
        try {
            return Integer.parseInt(value == null ? "" : value.strip());
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
