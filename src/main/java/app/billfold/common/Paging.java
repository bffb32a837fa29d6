package app.billfold.common;

import java.util.List;

/**
 * Which page of a list to show: its number, from 1, and how many rows a page holds. A list is read
 * one row beyond the page ({@link #rows()}) to know whether a next page exists, without counting
 * them all.
 */
public record Paging(int number, int size) {

    /** Far enough for any list a person pages through; a larger number typed reads as this one. */
    static final int LAST = 100_000;

    /** The page asked for in a link ("2"); missing or unreadable, the first. */
    public static Paging of(String typed, int size) {
        int number = 1;
        if (typed != null && typed.strip().matches("\\d{1,9}")) {
            number = Math.max(1, Math.min(LAST, Integer.parseInt(typed.strip())));
        }
        return new Paging(number, size);
    }

    /** The index of the page's first row in the whole list. */
    public int first() {
        return (number - 1) * size;
    }

    /** How many rows to read from {@link #first()}: the page's and one more. */
    public int rows() {
        return size + 1;
    }

    /** The page out of the rows read from {@link #first()} (at most {@link #rows()} of them). */
    public <T> Page<T> of(List<T> read) {
        boolean more = read.size() > size;
        return new Page<>(more ? List.copyOf(read.subList(0, size)) : List.copyOf(read), number, more);
    }
}
