package app.billfold.invoice;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** A credit note: what is taken back from an issued invoice, line by line, and why. */
@Entity
@Table(name = "credit_note")
public class CreditNote extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    public String number;

    @Column(name = "account_id")
    public Long accountId;

    @Column(name = "invoice_id")
    public Long invoiceId;

    @jakarta.persistence.Enumerated(jakarta.persistence.EnumType.STRING)
    public CreditNoteKind kind = CreditNoteKind.CREDIT;

    public String currency;
    public String reason;

    @Column(name = "net_total")
    public BigDecimal netTotal;

    @Column(name = "tax_total")
    public BigDecimal taxTotal;

    @Column(name = "gross_total")
    public BigDecimal grossTotal;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "created_by")
    public String createdBy;

    public boolean isWriteOff() {
        return kind == CreditNoteKind.WRITE_OFF;
    }

    @OneToMany(mappedBy = "creditNote", cascade = CascadeType.ALL)
    @OrderBy("id")
    public List<CreditNoteLine> lines = new ArrayList<>();
}
