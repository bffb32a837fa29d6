package app.billfold.bench;

import java.util.Locale;

/**
 * The one line per figure that every benchmark ends with, for people and scripts alike:
 * {@code RESULT <name> <value> <unit> ratio=<value over its ceiling measured in the same run, or ->}.
 */
final class Results {

    private Results() {}

    static void print(String name, double value, String unit, double ratio) {
        System.out.println(String.format(
                Locale.ROOT,
                "RESULT %s %.1f %s ratio=%s",
                name,
                value,
                unit,
                Double.isNaN(ratio) ? "-" : String.format(Locale.ROOT, "%.2f", ratio)));
    }

    static void print(String name, double value, String unit) {
        print(name, value, unit, Double.NaN);
    }
}
