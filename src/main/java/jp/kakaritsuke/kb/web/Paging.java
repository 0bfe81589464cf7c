package jp.kakaritsuke.kb.web;

import java.util.List;

/**
 * One page of a list, so that a page's HTML is bounded by what a person reads rather than by the data: the items of
 * the page, where it starts, and how many there are in all.
 *
 * @param items the items of this page
 * @param page the page number, from 1
 * @param size how many items a page holds at most
 * @param total how many items the whole list has
 */
public record Paging<T>(List<T> items, int page, int size, int total) {

    /** The {@code page}-th page (from 1) of {@code all}, {@code size} items a page; a page past the end is empty. */
    public static <T> Paging<T> of(List<T> all, int page, int size) {
        if (page < 1) {
            throw new BadRequestException("page", "must be 1 or more, not " + page);
        }
        int from = (int) Math.min((long) (page - 1) * size, all.size());
        int to = Math.min(from + size, all.size());
        return new Paging<>(List.copyOf(all.subList(from, to)), page, size, all.size());
    }

    /** The position of this page's first item, from 1 (0 when the page is empty). */
    public int first() {
        return items.isEmpty() ? 0 : (page - 1) * size + 1;
    }

    /** The position of this page's last item. */
    public int last() {
        return items.isEmpty() ? 0 : first() + items.size() - 1;
    }

    /** How many pages the whole list makes (at least one). */
    public int pages() {
        return Math.max(1, (total + size - 1) / size);
    }

    public boolean hasNext() {
        return page < pages();
    }

    public boolean hasPrevious() {
        return page > 1;
    }
}
