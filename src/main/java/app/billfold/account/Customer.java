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

    @OneToMany(mappedBy = "customer")
    @OrderBy("number")
    public List<Account> accounts = new ArrayList<>();
}
