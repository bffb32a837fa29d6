package app.billfold.web.console;

import app.billfold.report.AdoptionReport;
import java.util.List;
import java.util.function.ToIntFunction;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * The adoption figures as the points of a server-rendered SVG line chart: 0–100 % upwards, one
 * step per month, in a 600 × 200 drawing with room for the axis labels.
 */
public record AdoptionChart(List<Series> series, List<Tick> ticks) {

    static final int LEFT = 40;
    static final int WIDTH = 540;
    static final int TOP = 10;
    static final int HEIGHT = 160;

    /** A month's label under its point. */
    public record Tick(int x, String label) {}

    /**
     * One line of the chart: the report's message key naming it, its colour and dash (the legend
     * draws the same, so that each name shows which line is which, in colour or not), its points.
     */
    public record Series(String key, String colour, String dash, String points) {}

    static AdoptionChart of(List<AdoptionReport.Month> months) {
        List<Tick> ticks = IntStream.range(0, months.size())
                .mapToObj(
                        i -> new Tick(x(i, months.size()), months.get(i).month().toString()))
                .toList();
        return new AdoptionChart(
                List.of(
                        new Series(
                                "paperless_share", "#0b5394", "", line(months, AdoptionReport.Month::paperlessShare)),
                        new Series("autopay_share", "#b45309", "6 3", line(months, AdoptionReport.Month::autopayShare)),
                        new Series("method_share", "#15803d", "2 2", line(months, AdoptionReport.Month::methodShare)),
                        new Series(
                                "online_share",
                                "#7e22ce",
                                "10 4 2 4",
                                line(months, AdoptionReport.Month::onlineShare))),
                ticks);
    }

    private static String line(List<AdoptionReport.Month> months, ToIntFunction<AdoptionReport.Month> share) {
        return IntStream.range(0, months.size())
                .mapToObj(i -> x(i, months.size()) + "," + y(share.applyAsInt(months.get(i))))
                .collect(Collectors.joining(" "));
    }

    private static int x(int index, int count) {
        return LEFT + (count <= 1 ? 0 : index * WIDTH / (count - 1));
    }

    private static int y(int percent) {
        return TOP + HEIGHT - percent * HEIGHT / 100;
    }
}
