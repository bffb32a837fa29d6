package app.billfold.common;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Links that leave the app (printed on bills, sent in messages), built on its public address. */
@ApplicationScoped
public class PublicLinks {

    @ConfigProperty(name = "billfold.public-url")
    String publicUrl;

    /** The public address without a trailing slash. */
    public String base() {
        return publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
    }

    /**
     * Whether the address is one others can reach: not a loopback one such as the development
     * default http://localhost:8080, which must never be printed on a bill.
     */
    public boolean isPublic() {
        try {
            String host = java.net.URI.create(base()).getHost();
            return host != null
                    && !host.equalsIgnoreCase("localhost")
                    && !host.startsWith("127.")
                    && !host.equals("[::1]")
                    && !host.equals("::1");
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    public String to(String path) {
        return base() + path;
    }
}
