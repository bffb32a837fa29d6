package app.billfold.web.common;

import app.billfold.biller.Biller;
import app.billfold.biller.BillerSettings;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;

/**
 * The biller's branding as files: a stylesheet carrying the brand colour (the CSP allows no inline
 * styles) and the logo.
 */
@Path("/brand")
@PermitAll
public class BrandResource {

    @Inject
    Biller biller;

    @Inject
    Branding branding;

    @GET
    @Path("style.css")
    public Response style() {
        String css = ":root{--brand:" + branding.colour() + ";}\n";
        return Response.ok(css, "text/css").header("Cache-Control", "no-cache").build();
    }

    @GET
    @Path("logo")
    public Response logo() {
        BillerSettings settings = biller.settings();
        if (!settings.hasLogo()) {
            return Response.status(Response.Status.NOT_FOUND).build();
        }
        return Response.ok(settings.logo, settings.logoContentType)
                .header("Cache-Control", "no-cache")
                .build();
    }
}
