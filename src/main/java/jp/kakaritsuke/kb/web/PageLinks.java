package jp.kakaritsuke.kb.web;

import java.util.function.IntFunction;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * One page of a list with the links to its neighbours, for a page that keeps more than the page number in its links
 * (a filter, another list's page): the pager fragment draws it.
 *
 * @param paging the page of the list
 * @param previous the link to the previous page, or null on the first
 * @param next the link to the next page, or null on the last
 */
public record PageLinks<T>(Paging<T> paging, String previous, String next) {

    /** The links of {@code paging}, {@code href} giving the link to a page number. */
    public static <T> PageLinks<T> of(Paging<T> paging, IntFunction<String> href) {
        return new PageLinks<>(
                paging,
                paging.hasPrevious() ? href.apply(paging.page() - 1) : null,
                paging.hasNext() ? href.apply(paging.page() + 1) : null);
    }

    /** The links of a page of a list that keeps only the fiscal year shown: {@code path?year=…&page=n}. */
    public static <T> PageLinks<T> ofYear(Paging<T> paging, String path, String year) {
        return of(paging, n -> {
            UriComponentsBuilder uri = UriComponentsBuilder.fromPath(path);
            if (year != null) {
                uri.queryParam("year", year);
            }
            return uri.queryParam("page", n).encode().build().toUriString();
        });
    }
}
