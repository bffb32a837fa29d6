package app.billfold.invoice;

/**
 * The VAT category of a line (EN 16931 BT-151, UNCL5305): standard rate, zero rate, exempt,
 * reverse charge, or outside the scope of VAT (a biller not registered for VAT).
 */
public enum VatCategory {
    S,
    Z,
    E,
    AE,
    O;

    /** Only the standard rate bears VAT; every other category is at 0 %. */
    public boolean takesRate(java.math.BigDecimal rate) {
        return this == S ? rate.signum() > 0 : rate.signum() == 0;
    }

    /** Exempt, reverse-charge and out-of-scope lines must say why (BR-E-10, BR-AE-10, BR-O-10). */
    public boolean needsReason() {
        return this == E || this == AE || this == O;
    }

    /** The category a line gets when none is chosen: standard if taxed, else zero or out of scope. */
    public static VatCategory byDefault(java.math.BigDecimal rate, boolean sellerHasVatId) {
        if (rate.signum() > 0) {
            return S;
        }
        return sellerHasVatId ? Z : O;
    }
}
