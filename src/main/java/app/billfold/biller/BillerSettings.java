package app.billfold.biller;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.ZoneId;

/** The biller's identity and preferences. One row per installation (id 1). */
@Entity
@Table(name = "biller_settings")
public class BillerSettings extends PanacheEntityBase {

    public static final long SINGLETON_ID = 1L;

    @Id
    public Long id;

    @Column(name = "legal_name")
    public String legalName;

    public String address;

    @Column(name = "tax_id")
    public String taxId;

    public String currency;

    @Column(name = "time_zone")
    public String timeZone;

    @Column(name = "invoice_prefix")
    public String invoicePrefix;

    @Column(name = "support_email")
    public String supportEmail;

    @Column(name = "support_phone")
    public String supportPhone;

    @Column(name = "brand_colour")
    public String brandColour;

    public byte[] logo;

    @Column(name = "logo_content_type")
    public String logoContentType;

    @Column(name = "updated_at")
    public Instant updatedAt;

    /** Days relative to the due date on which reminders go out, e.g. "-5,0,3,10" (negative: before). */
    @Column(name = "reminder_days")
    public String reminderDays;

    /** The reminder days, in order. */
    public java.util.List<Integer> reminderSteps() {
        return java.util.Arrays.stream(reminderDays.split(","))
                .map(String::strip)
                .filter(d -> !d.isEmpty())
                .map(Integer::valueOf)
                .sorted()
                .toList();
    }

    public ZoneId zone() {
        return ZoneId.of(timeZone);
    }

    public boolean hasLogo() {
        return logo != null && logo.length > 0;
    }
}
