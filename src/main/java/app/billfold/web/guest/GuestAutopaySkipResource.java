package app.billfold.web.guest;

import app.billfold.autopay.DebitNotices;
import app.billfold.invoice.Invoice;
import app.billfold.web.common.Redirects;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestQuery;

/**
 * "Pay this one myself" from the notice of an automatic debit, without signing in: the signed link
 * opens the bill's page with one button. The change itself is a POST, so that a mail scanner
 * following links never switches a debit off.
 */
@Path("/guest/autopay/skip")
@jakarta.annotation.security.PermitAll
@Produces(MediaType.TEXT_HTML)
public class GuestAutopaySkipResource {

    @CheckedTemplate(basePath = "guest")
    static class Templates {
        static native TemplateInstance skip(Invoice invoice, DebitNotices.State debit, String link);
    }

    @Inject
    DebitNotices debitNotices;

    @GET
    public TemplateInstance page(@RestQuery String link) {
        Invoice invoice = debitNotices.billOfSkipLink(link);
        return Templates.skip(invoice, debitNotices.stateOf(invoice), link);
    }

    @POST
    public Response skip(@RestForm String link) {
        debitNotices.skipByLink(link);
        return Redirects.seeOther(
                "/guest/autopay/skip?link=" + URLEncoder.encode(link, StandardCharsets.UTF_8),
                "notice_autopay_skipped");
    }
}
