package app.billfold.billing;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/** One recurring line of a plan: a fixed charge per period, or usage priced per unit (with tiers). */
@Entity
@Table(name = "plan_line")
public class PlanLine extends PanacheEntityBase {

    public static final String FIXED = "FIXED";
    public static final String METERED = "METERED";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @ManyToOne
    @JoinColumn(name = "plan_id")
    public Plan plan;

    public int position;
    public String description;
    public String kind;
    public String unit;

    @Column(name = "unit_price")
    public BigDecimal unitPrice;

    @Column(name = "tax_rate")
    public BigDecimal taxRate;

    /** In the order they were given: rising up_to, the open-ended tier last. */
    @OneToMany(mappedBy = "line", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("id")
    public List<PlanTier> tiers = new ArrayList<>();

    public boolean metered() {
        return METERED.equals(kind);
    }
}
