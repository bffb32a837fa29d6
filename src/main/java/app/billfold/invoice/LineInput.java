package app.billfold.invoice;

/** One submitted invoice line, as typed. */
public record LineInput(String description, String quantity, String unitPrice, String taxRate) {

    public boolean isBlank() {
        return blank(description) && blank(quantity) && blank(unitPrice) && blank(taxRate);
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
