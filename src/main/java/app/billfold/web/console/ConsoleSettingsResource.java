package app.billfold.web.console;

import app.billfold.biller.Biller;
import app.billfold.biller.BillerSettingsForm;
import app.billfold.common.FieldErrors;
import app.billfold.common.InvalidInputException;
import app.billfold.identity.CurrentUser;
import app.billfold.identity.Role;
import app.billfold.web.common.Redirects;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.nio.file.Files;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

/** The biller's settings: legal identity, currency, time zone, numbering, contact and branding. */
@Path("/console/settings")
@RolesAllowed(Role.ADMIN_ROLE)
@Produces(MediaType.TEXT_HTML)
public class ConsoleSettingsResource {

    @CheckedTemplate(basePath = "console/settings")
    static class Templates {
        static native TemplateInstance form(BillerSettingsForm form, boolean hasLogo, FieldErrors errors);
    }

    @Inject
    Biller biller;

    @Inject
    CurrentUser user;

    @GET
    public TemplateInstance form() {
        var settings = biller.settings();
        return Templates.form(BillerSettingsForm.of(settings), settings.hasLogo(), new FieldErrors());
    }

    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    public Response save(
            @RestForm String legalName,
            @RestForm String address,
            @RestForm String taxId,
            @RestForm String currency,
            @RestForm String timeZone,
            @RestForm String invoicePrefix,
            @RestForm String supportEmail,
            @RestForm String supportPhone,
            @RestForm String brandColour,
            @RestForm FileUpload logo,
            @RestForm boolean removeLogo,
            @RestForm String reminderDays,
            @RestForm String reminderSmsDays)
            throws IOException {
        byte[] logoBytes = null;
        String logoType = null;
        if (logo != null && logo.size() > 0) {
            logoBytes = Files.readAllBytes(logo.uploadedFile());
            logoType = logo.contentType();
        }
        BillerSettingsForm form = new BillerSettingsForm(
                legalName,
                address,
                taxId,
                currency,
                timeZone,
                invoicePrefix,
                supportEmail,
                supportPhone,
                brandColour,
                logoBytes,
                logoType,
                removeLogo,
                reminderDays,
                reminderSmsDays);
        try {
            biller.update(form, user.email());
            return Redirects.seeOther("/console/settings", "notice_settings_saved");
        } catch (InvalidInputException e) {
            return Response.status(Response.Status.BAD_REQUEST)
                    .entity(Templates.form(form, biller.settings().hasLogo(), e.errors()))
                    .build();
        }
    }
}
