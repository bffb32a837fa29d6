package app.billfold.billing;

/** How often a plan bills; periods start on the plan's billing day in these months. */
public enum Frequency {
    MONTHLY(1),
    QUARTERLY(3),
    YEARLY(12);

    public final int months;

    Frequency(int months) {
        this.months = months;
    }
}
