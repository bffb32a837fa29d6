package app.billfold.common;

import java.util.List;

/** One page of a long list, numbered from 1, and whether another page follows it. */
public record Page<T>(List<T> items, int number, boolean hasNext) {

    public boolean hasPrevious() {
        return number > 1;
    }

    public boolean isEmpty() {
        return items.isEmpty();
    }
}
