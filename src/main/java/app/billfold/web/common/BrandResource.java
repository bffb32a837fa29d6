package app.billfold.web.common;

import app.billfold.biller.Biller;
import app.billfold.biller.BillerSettings;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.HttpHeaders;
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

    /**
     * The logo, the same for everyone: browsers and proxies may keep it five minutes, then ask
     * again with its entity tag (SHA-256 of its bytes) and get 304 Not Modified until it changes.
     */
    @GET
    @Path("logo")
    public Response logo(@HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch) {
        BillerSettings settings = biller.settings();
        if (!settings.hasLogo()) {
            return Response.status(Response.Status.NOT_FOUND).build();
        }
        String etag = etagOf(settings.logo);
        EntityTag tag = new EntityTag(etag);
        if (Downloads.matches(ifNoneMatch, etag)) {
            return Response.notModified(tag).header("Cache-Control", LOGO_CACHE).build();
        }
        return Response.ok(settings.logo, settings.logoContentType)
                .tag(tag)
                .header("Cache-Control", LOGO_CACHE)
                .build();
    }

    static final String LOGO_CACHE = "public, max-age=300";

    /** The last logo's bytes and tag: hashed once per change, not once per request. */
    private volatile Object[] lastTag = {new byte[0], ""};

    private String etagOf(byte[] logo) {
        Object[] last = lastTag;
        if (java.util.Arrays.equals((byte[]) last[0], logo)) {
            return (String) last[1];
        }
        try {
            String etag = java.util.HexFormat.of()
                    .formatHex(
                            java.security.MessageDigest.getInstance("SHA-256").digest(logo));
            lastTag = new Object[] {logo.clone(), etag};
            return etag;
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
