package app.billfold.account;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** A person or company that owns one or more accounts with the biller. */
@Entity
@Table(name = "customer")
public class Customer extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Enumerated(EnumType.STRING)
    public CustomerKind kind;

    public String name;
    public String email;
    public String phone;

    /** The language for pages, bills and messages: "en" or "fr". */
    public String language;

    @jakarta.persistence.Column(name = "created_at")
    public Instant createdAt;

    /** The customer's record at the payment processor, once they have saved a method. */
    @jakarta.persistence.Column(name = "gateway_customer_id")
    public String gatewayCustomerId;

    /** The channels the customer chose for notices. */
    @Enumerated(EnumType.STRING)
    @jakarta.persistence.Column(name = "notify_by")
    public NotifyBy notifyBy = NotifyBy.EMAIL;

    /** The customer's own time zone for SMS quiet hours; null: the biller's. */
    @jakarta.persistence.Column(name = "time_zone")
    public String timeZone;

    /** Set when an e-mail to the address bounced for good; notices go by SMS until it changes. */
    @jakarta.persistence.Column(name = "email_failed_at")
    public Instant emailFailedAt;

    @jakarta.persistence.Column(name = "email_failure")
    public String emailFailure;

    /** Set when an SMS to the number failed for good; notices go by e-mail until it changes. */
    @jakarta.persistence.Column(name = "sms_failed_at")
    public Instant smsFailedAt;

    @jakarta.persistence.Column(name = "sms_failure")
    public String smsFailure;

    /** A business customer's address and identifiers on e-invoices; consumers have none. */
    @jakarta.persistence.Embedded
    public app.billfold.einvoice.BusinessDetails business;

    /** Quoted on every e-invoice (BT-10), as the customer's accounts payable asked. */
    @jakarta.persistence.Column(name = "buyer_reference")
    public String buyerReference;

    public app.billfold.einvoice.BusinessDetails business() {
        return business == null ? new app.billfold.einvoice.BusinessDetails() : business;
    }

    public boolean isBusiness() {
        return kind == CustomerKind.COMPANY;
    }

    @OneToMany(mappedBy = "customer")
    @OrderBy("number")
    public List<Account> accounts = new ArrayList<>();
}
