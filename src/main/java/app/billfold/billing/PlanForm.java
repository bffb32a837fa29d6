package app.billfold.billing;

import java.util.List;

/**
 * What a clerk submits for a plan. Tiers of a metered line are written "10=1.50; 20=1.80; *=2.10":
 * up to 10 units at 1.50, up to 20 at 1.80, the rest at 2.10.
 */
public record PlanForm(String name, String frequency, String billingDay, String paymentTermsDays, List<Line> lines) {

    public record Line(String description, String kind, String unit, String unitPrice, String taxRate, String tiers) {

        public boolean isBlank() {
            return blank(description) && blank(unitPrice) && blank(tiers);
        }

        private static boolean blank(String text) {
            return text == null || text.isBlank();
        }
    }
}
