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

    /** Whether bills paid or voided while waiting in the print queue are printed all the same. */
    @Column(name = "print_paid_bills")
    public boolean printPaidBills;

    /** Days relative to the due date on which reminders go out, e.g. "-5,0,3,10" (negative: before). */
    @Column(name = "reminder_days")
    public String reminderDays;

    /** The reminder days on which an SMS goes out too (to customers who chose SMS). */
    @Column(name = "reminder_sms_days")
    public String reminderSmsDays;

    /** The reminder steps, in order: every day on which an e-mail or an SMS reminder goes out. */
    public java.util.List<Integer> reminderSteps() {
        java.util.TreeSet<Integer> steps = new java.util.TreeSet<>(days(reminderDays));
        steps.addAll(days(reminderSmsDays));
        return java.util.List.copyOf(steps);
    }

    /** The channels the biller sends a reminder step on. */
    public java.util.Set<app.billfold.notify.Channel> reminderChannels(int step) {
        java.util.Set<app.billfold.notify.Channel> channels =
                java.util.EnumSet.noneOf(app.billfold.notify.Channel.class);
        if (days(reminderDays).contains(step)) {
            channels.add(app.billfold.notify.Channel.EMAIL);
        }
        if (days(reminderSmsDays).contains(step)) {
            channels.add(app.billfold.notify.Channel.SMS);
        }
        return channels;
    }

    private static java.util.List<Integer> days(String list) {
        return list == null
                ? java.util.List.of()
                : java.util.Arrays.stream(list.split(","))
                        .map(String::strip)
                        .filter(d -> !d.isEmpty())
                        .map(Integer::valueOf)
                        .toList();
    }

    /** The seller's address and identifiers on e-invoices. */
    @jakarta.persistence.Embedded
    public app.billfold.einvoice.BusinessDetails business;

    /** The account customers pay into by transfer (BT-84, BT-86). */
    public String iban;

    public String bic;

    /** BT-23 as the French CIUS codes it: B1 goods, S1 services, M1 both. */
    @Column(name = "operation_category")
    public String operationCategory = "S1";

    public app.billfold.einvoice.BusinessDetails business() {
        return business == null ? new app.billfold.einvoice.BusinessDetails() : business;
    }

    public ZoneId zone() {
        return ZoneId.of(timeZone);
    }

    public boolean hasLogo() {
        return logo != null && logo.length > 0;
    }
}
