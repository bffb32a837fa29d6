package app.billfold.web.common;

import io.quarkus.qute.TemplateInstance;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * Finishes every page: hands out a pre-session id when an anonymous browser has none yet (or got a
 * new one at sign-in or sign-out), and keeps pages out of caches.
 */
public class PageResponseFilter {

    @Inject
    CsrfToken csrf;

    @Inject
    Cookies cookies;

    @ServerResponseFilter
    public void finish(ContainerResponseContext response) {
        MediaType type = response.getMediaType();
        if (response.getEntity() instanceof TemplateInstance
                || (type != null && type.isCompatible(MediaType.TEXT_HTML_TYPE))) {
            response.getHeaders().putSingle(HttpHeaders.CACHE_CONTROL, "no-store");
            // A page may render after this filter: make the token its forms will carry now.
            csrf.token();
        }
        String preSessionId = csrf.newPreSessionId();
        if (preSessionId != null) {
            response.getHeaders().add(HttpHeaders.SET_COOKIE, cookies.csrf(preSessionId));
        }
    }
}
