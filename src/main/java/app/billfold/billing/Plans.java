package app.billfold.billing;

import app.billfold.audit.AuditLog;
import app.billfold.common.FieldErrors;
import app.billfold.common.FormInput;
import app.billfold.common.NotFoundException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/** Creates and lists plans; every field is checked and a bad plan is refused whole. */
@ApplicationScoped
public class Plans {

    static final BigDecimal MAX = new BigDecimal("1000000000");

    @Inject
    AuditLog audit;

    @Inject
    Clock clock;

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Plan> all() {
        return Plan.list("order by name");
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Plan get(Long id) {
        return Plan.<Plan>findByIdOptional(id).orElseThrow(() -> new NotFoundException("plan " + id));
    }

    @Transactional
    public Plan create(PlanForm form, String actor) {
        FieldErrors errors = new FieldErrors();
        Plan plan = new Plan();
        plan.name = FormInput.text(errors, "name", form.name(), true, 120);
        if (plan.name != null
                && !plan.name.isEmpty()
                && Plan.count("lower(name)", plan.name.toLowerCase(Locale.ROOT)) > 0) {
            errors.reject("name", "error_plan_name_taken");
        }
        try {
            plan.frequency = Frequency.valueOf(form.frequency() == null ? "" : form.frequency());
        } catch (IllegalArgumentException e) {
            errors.reject("frequency", "error_required");
        }
        plan.billingDay = whole(errors, "billingDay", form.billingDay(), 1, 28);
        plan.paymentTermsDays = whole(errors, "paymentTermsDays", form.paymentTermsDays(), 0, 120);
        int position = 0;
        for (int i = 0; i < form.lines().size(); i++) {
            PlanForm.Line input = form.lines().get(i);
            if (input.isBlank()) {
                continue;
            }
            PlanLine line = new PlanLine();
            line.plan = plan;
            line.position = position++;
            line.description = FormInput.text(errors, "description." + i, input.description(), true, 150);
            line.kind = PlanLine.METERED.equals(input.kind()) ? PlanLine.METERED : PlanLine.FIXED;
            line.unit = FormInput.text(errors, "unit." + i, input.unit(), false, 20);
            line.taxRate = amount(errors, "taxRate." + i, input.taxRate(), new BigDecimal("100"));
            boolean tiered =
                    line.metered() && input.tiers() != null && !input.tiers().isBlank();
            if (tiered) {
                readTiers(errors, "tiers." + i, input.tiers(), line);
                line.unitPrice = BigDecimal.ZERO;
            } else {
                line.unitPrice = amount(errors, "unitPrice." + i, input.unitPrice(), MAX);
            }
            plan.lines.add(line);
        }
        if (plan.lines.isEmpty()) {
            errors.reject("description.0", "error_plan_no_lines");
        }
        errors.throwIfAny();
        plan.createdAt = Instant.now(clock);
        plan.persist();
        audit.record(actor, "plan.create", "plan:" + plan.id, plan.name);
        return plan;
    }

    /** "10=1.50; 20=1.80; *=2.10": rising limits, the last one "*". */
    static void readTiers(FieldErrors errors, String field, String text, PlanLine line) {
        BigDecimal previous = BigDecimal.ZERO;
        String[] parts = text.split(";");
        for (int i = 0; i < parts.length; i++) {
            String[] pair = parts[i].split("=");
            if (pair.length != 2) {
                errors.reject(field, "error_plan_tiers");
                return;
            }
            String limit = pair[0].strip();
            boolean last = i == parts.length - 1;
            PlanTier tier = new PlanTier();
            tier.line = line;
            try {
                tier.unitPrice = new BigDecimal(pair[1].strip().replace(',', '.'));
                if ("*".equals(limit) != last) {
                    throw new NumberFormatException("only the last tier is open-ended");
                }
                tier.upTo = last ? null : new BigDecimal(limit.replace(',', '.'));
            } catch (NumberFormatException e) {
                errors.reject(field, "error_plan_tiers");
                return;
            }
            if (tier.unitPrice.signum() < 0
                    || tier.unitPrice.stripTrailingZeros().scale() > 4
                    || (tier.upTo != null && tier.upTo.compareTo(previous) <= 0)) {
                errors.reject(field, "error_plan_tiers");
                return;
            }
            if (tier.upTo != null) {
                previous = tier.upTo;
            }
            line.tiers.add(tier);
        }
    }

    private static int whole(FieldErrors errors, String field, String value, int min, int max) {
        String text = FormInput.text(errors, field, value, true, 4);
        try {
            int number = Integer.parseInt(text == null ? "" : text);
            if (number >= min && number <= max) {
                return number;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        if (!errors.has(field)) {
            errors.reject(field, "error_plan_number");
        }
        return min;
    }

    /** A required amount, zero or more, at most {@code max}, with at most 4 decimals. */
    static BigDecimal amount(FieldErrors errors, String field, String value, BigDecimal max) {
        BigDecimal number = FormInput.decimal(errors, field, value, true);
        if (number != null
                && (number.signum() < 0
                        || number.compareTo(max) > 0
                        || number.stripTrailingZeros().scale() > 4)) {
            errors.reject(field, "error_amount");
            return null;
        }
        return number;
    }
}
