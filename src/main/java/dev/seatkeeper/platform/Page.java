package dev.seatkeeper.platform;

import jakarta.persistence.TypedQuery;
import java.util.List;
import java.util.function.Function;

/**
 * One page of a list and the number of items in the whole list, read by a service in one transaction so that the two
 * agree. {@link ListResource} turns it into Polar's list body at the boundary.
 */
public record Page<T>(List<T> items, long totalCount) {

    /**
     * Runs {@code items} for the page's window ({@link PageRequest#offset()}, {@link PageRequest#limit()}) and
     * {@code count} for the total; both must select from the same filtered rows.
     */
    public static <T> Page<T> of(TypedQuery<T> items, TypedQuery<Long> count, PageRequest page) {
        return new Page<>(
                items.setFirstResult(page.offset()).setMaxResults(page.limit()).getResultList(),
                count.getSingleResult());
    }

    /** The same page with each item converted, for instance an entity into its response record. */
    public <R> Page<R> map(Function<? super T, ? extends R> convert) {
        return new Page<>(items.stream().<R>map(convert).toList(), totalCount);
    }
}
