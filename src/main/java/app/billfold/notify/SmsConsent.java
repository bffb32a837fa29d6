package app.billfold.notify;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * What the holder of a phone number said about SMS: when and how they agreed, and when and how
 * they stopped. Kept per number, because STOP and START come from a number, not from a customer.
 */
@Entity
@Table(name = "sms_consent")
public class SmsConsent extends PanacheEntityBase {

    @Id
    public String phone;

    @Column(name = "consented_at")
    public Instant consentedAt;

    @Column(name = "consent_how")
    public String consentHow;

    @Column(name = "opted_out_at")
    public Instant optedOutAt;

    @Column(name = "opted_out_how")
    public String optedOutHow;

    public boolean allowsSms() {
        return consentedAt != null && optedOutAt == null;
    }
}
