package app.billfold.invoice;

/**
 * One submitted invoice line, as typed. The unit, VAT category and exemption reason may be blank:
 * the unit is then "one" (C62) and the category follows from the rate.
 */
public record LineInput(
        String description,
        String quantity,
        String unitPrice,
        String taxRate,
        String unitCode,
        String vatCategory,
        String exemptionReason) {

    public LineInput(String description, String quantity, String unitPrice, String taxRate) {
        this(description, quantity, unitPrice, taxRate, "", "", "");
    }

    /**
     * A row is blank when nothing that makes a line was typed: the choice lists always post a value
     * and a blank row comes with the biller's default rate filled in.
     */
    public boolean isBlank() {
        return blank(description) && blank(quantity) && blank(unitPrice) && blank(exemptionReason);
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
