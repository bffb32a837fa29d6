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

    public String to(String path) {
        return base() + path;
    }
}
