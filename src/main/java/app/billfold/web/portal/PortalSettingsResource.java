package app.billfold.web.portal;

import app.billfold.account.Account;
import app.billfold.account.Customers;
import app.billfold.biller.Biller;
import app.billfold.common.BusinessRuleException;
import app.billfold.common.PublicLinks;
import app.billfold.identity.CurrentUser;
import app.billfold.identity.Role;
import app.billfold.identity.Signer;
import app.billfold.payment.Autopay;
import app.billfold.payment.MethodDeclined;
import app.billfold.payment.PayNow;
import app.billfold.payment.RemoveMethod;
import app.billfold.payment.SavedMethod;
import app.billfold.payment.SavedMethods;
import app.billfold.payment.gateway.MethodKind;
import app.billfold.payment.sandbox.SandboxOrder;
import app.billfold.web.common.Declines;
import app.billfold.web.common.HostedForm;
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
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

/** The customer's payment settings: saved methods and autopay, each a single action. */
@Path("/portal")
@RolesAllowed(Role.CUSTOMER_ROLE)
@Produces(MediaType.TEXT_HTML)
public class PortalSettingsResource {

    static final String ADD_METHOD = "add-method";

    @CheckedTemplate(basePath = "portal/settings")
    static class Templates {
        static native TemplateInstance settings(
                List<Account> accounts, List<SavedMethod> methods, String refusal, LocalDate today);

        static native TemplateInstance remove(RemoveMethod.Preview preview, String refusal);
    }

    @Inject
    CurrentUser user;

    @Inject
    Customers customers;

    @Inject
    SavedMethods methods;

    @Inject
    RemoveMethod removeMethod;

    @Inject
    Autopay autopay;

    @Inject
    Signer signer;

    @Inject
    Biller biller;

    @Inject
    PayNow payNow;

    @Inject
    PublicLinks links;

    @GET
    @Path("settings")
    public TemplateInstance settings() {
        return page(null);
    }

    @POST
    @Path("settings/methods/{id}/default")
    public Response makeDefault(@RestPath Long id) {
        methods.makeDefault(user.customerId(), id, user.email());
        return Redirects.seeOther("/portal/settings", "notice_settings_saved");
    }

    /** Asks before removing: what autopay does next when it uses the method. */
    @GET
    @Path("settings/methods/{id}/remove")
    public TemplateInstance confirmRemoval(@RestPath Long id) {
        return Templates.remove(removeMethod.preview(user.customerId(), id), null);
    }

    /**
     * Removes the method. When autopay uses it, {@code then} says what happens to autopay:
     * "switch" to {@code autopayWith}, or "stop"; without a choice the question comes back, nothing changed.
     */
    @POST
    @Path("settings/methods/{id}/remove")
    public Response remove(@RestPath Long id, @RestForm String then, @RestForm Long autopayWith) {
        try {
            RemoveMethod.Outcome outcome = removeMethod.remove(
                    user.customerId(),
                    id,
                    "switch".equals(then) ? autopayWith : null,
                    "stop".equals(then),
                    user.email());
            return Redirects.seeOther(
                    "/portal/settings",
                    switch (outcome) {
                        case REMOVED -> "notice_method_removed";
                        case AUTOPAY_MOVED -> "notice_method_removed_autopay_moved";
                        case AUTOPAY_STOPPED -> "notice_method_removed_autopay_stopped";
                    });
        } catch (BusinessRuleException e) {
            return Response.status(Response.Status.CONFLICT)
                    .entity(Templates.remove(removeMethod.preview(user.customerId(), id), e.messageKey()))
                    .build();
        }
    }

    /** Off to the processor's hosted form; it comes back to {@link #added} with a token. */
    @GET
    @Path("settings/methods/new")
    public Response addMethod(@RestQuery String kind) {
        String state = signer.sign(ADD_METHOD, String.valueOf(user.customerId()), Duration.ofMinutes(30));
        if (payNow.paysOnProcessorPage()) {
            try {
                // Stripe puts the session id in place of {CHECKOUT_SESSION_ID} on the way back.
                return Response.seeOther(URI.create(methods.openSetupPage(
                                user.customerId(),
                                "bank".equals(kind) ? MethodKind.BANK : MethodKind.CARD,
                                biller.settings().currency,
                                links.to("/portal/settings/methods/added?state="
                                        + URLEncoder.encode(state, StandardCharsets.UTF_8)
                                        + "&page={CHECKOUT_SESSION_ID}"),
                                links.to("/portal/settings"))))
                        .build();
            } catch (BusinessRuleException e) {
                return Response.status(Response.Status.SERVICE_UNAVAILABLE)
                        .entity(page(e.messageKey()))
                        .build();
            }
        }
        return HostedForm.redirect(
                "bank".equals(kind),
                "/portal/settings/methods/added",
                state,
                new SandboxOrder(null, "/portal/settings").signedBy(signer));
    }

    @GET
    @Path("settings/methods/added")
    public Response added(@RestQuery String state, @RestQuery String token, @RestQuery String page) {
        boolean mine = signer.verify(ADD_METHOD, state)
                .map(id -> id.equals(String.valueOf(user.customerId())))
                .orElse(false);
        boolean onPage = payNow.paysOnProcessorPage();
        if (!mine || (onPage ? page == null : token == null)) {
            throw new app.billfold.common.NotFoundException("method");
        }
        try {
            if (onPage) {
                methods.saveFromPage(user.customerId(), page, user.email());
            } else {
                methods.addVerified(user.customerId(), token, user.email());
            }
        } catch (MethodDeclined e) {
            return Response.status(Response.Status.PAYMENT_REQUIRED)
                    .entity(page(Declines.messageKey(e.declineCode())))
                    .build();
        } catch (BusinessRuleException e) {
            return Response.status(Response.Status.CONFLICT)
                    .entity(page(e.messageKey()))
                    .build();
        }
        return Redirects.seeOther("/portal/settings", "notice_method_saved");
    }

    /** Ticked: enrol with the chosen method. Not ticked, or the stop button: stop. One action each. */
    @POST
    @Path("autopay")
    public Response autopay(
            @RestForm Long account, @RestForm Long method, @RestForm boolean autopay, @RestForm String back) {
        if (account == null) {
            throw new app.billfold.common.NotFoundException("account");
        }
        String to = Redirects.safeLocalPath(back, "/portal/settings");
        try {
            if (autopay && method != null) {
                this.autopay.enrol(user.customerId(), account, method, user.email());
                return Redirects.seeOther(to, "notice_autopay_on");
            }
            this.autopay.stop(user.customerId(), account, user.email());
            return Redirects.seeOther(to, "notice_autopay_off");
        } catch (BusinessRuleException e) {
            return Response.status(Response.Status.CONFLICT)
                    .entity(page(e.messageKey()))
                    .build();
        }
    }

    /** Ticked: bills by e-mail only. Not ticked: on paper. One action either way. */
    @POST
    @Path("paperless")
    public Response paperless(@RestForm Long account, @RestForm boolean paperless, @RestForm String back) {
        if (account == null) {
            throw new app.billfold.common.NotFoundException("account");
        }
        customers.setPaperless(user.customerId(), account, paperless, user.email());
        return Redirects.seeOther(
                Redirects.safeLocalPath(back, "/portal/settings"),
                paperless ? "notice_paperless_on" : "notice_paperless_off");
    }

    private TemplateInstance page(String refusal) {
        return Templates.settings(
                customers.accountsOf(user.customerId()), methods.of(user.customerId()), refusal, biller.today());
    }
}
