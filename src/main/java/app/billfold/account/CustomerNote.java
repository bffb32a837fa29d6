package app.billfold.account;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** What a clerk wrote down about a customer, or about one of their accounts: dated and signed. */
@Entity
@Table(name = "customer_note")
public class CustomerNote extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "customer_id")
    public Long customerId;

    /** The account the note is about; null for the customer as a whole. */
    @Column(name = "account_id")
    public Long accountId;

    @Column(name = "written_at")
    public Instant writtenAt;

    /** The e-mail of the clerk who wrote it. */
    public String author;

    public String body;
}
