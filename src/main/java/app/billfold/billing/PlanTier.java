package app.billfold.billing;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.math.BigDecimal;

/** A price band of a metered line: the units up to {@code upTo} (none: all the rest). */
@Entity
@Table(name = "plan_tier")
public class PlanTier extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @ManyToOne
    @JoinColumn(name = "plan_line_id")
    public PlanLine line;

    @Column(name = "up_to")
    public BigDecimal upTo;

    @Column(name = "unit_price")
    public BigDecimal unitPrice;
}
