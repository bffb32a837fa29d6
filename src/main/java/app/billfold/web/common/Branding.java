package app.billfold.web.common;

import app.billfold.biller.Biller;
import app.billfold.biller.BillerSettings;
import app.billfold.biller.BillerSettingsChanged;
import io.quarkus.runtime.StartupEvent;
import io.vertx.core.Context;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.time.Duration;

/**
 * The biller's name, contact and logo flag for the page layout, kept in memory. Error pages can be
 * rendered on an I/O thread, where no database call is allowed, so the layout must never need one.
 * A save on this node refreshes it at once; other nodes pick the change up within a minute.
 */
@ApplicationScoped
@Named("brand")
public class Branding {

    private static final Duration MAX_AGE = Duration.ofMinutes(1);

    record Snapshot(
            String name,
            String supportEmail,
            String supportPhone,
            String colour,
            boolean hasLogo,
            java.time.ZoneId zone,
            long at) {}

    @Inject
    Biller biller;

    private volatile Snapshot snapshot;

    void onStart(@Observes StartupEvent event) {
        reload();
    }

    void onChange(@Observes(during = TransactionPhase.AFTER_SUCCESS) BillerSettingsChanged event) {
        reload();
    }

    void reload() {
        BillerSettings s = biller.settings();
        snapshot = new Snapshot(
                s.legalName,
                s.supportEmail,
                s.supportPhone,
                s.brandColour,
                s.hasLogo(),
                s.zone(),
                System.currentTimeMillis());
    }

    private Snapshot current() {
        Snapshot s = snapshot;
        if (s == null || (System.currentTimeMillis() - s.at() > MAX_AGE.toMillis() && !Context.isOnEventLoopThread())) {
            reload();
            s = snapshot;
        }
        return s;
    }

    public String name() {
        return current().name();
    }

    public boolean hasLogo() {
        return current().hasLogo();
    }

    public String supportEmail() {
        return current().supportEmail();
    }

    public String supportPhone() {
        return current().supportPhone() == null ? "" : current().supportPhone();
    }

    /** The biller's time zone: moments are shown in it. */
    public java.time.ZoneId zone() {
        return current().zone();
    }

    public String colour() {
        return current().colour();
    }
}
