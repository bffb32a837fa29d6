package app.billfold.invoice;

/** The units a bill line can be counted in (UN/ECE recommendation 20 codes, as e-invoices carry them). */
public enum UnitCode {
    C62,
    KWH,
    MTQ,
    LTR,
    KGM,
    HUR,
    DAY,
    MON,
    ANN;

    public static boolean isKnown(String code) {
        for (UnitCode unit : values()) {
            if (unit.name().equals(code)) {
                return true;
            }
        }
        return false;
    }
}
