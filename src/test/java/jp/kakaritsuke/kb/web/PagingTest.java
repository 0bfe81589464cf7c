package jp.kakaritsuke.kb.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class PagingTest {

    private static final List<Integer> ITEMS =
            IntStream.rangeClosed(1, 120).boxed().toList();

    @Test
    void pagesSliceTheListAndSayWhereTheyStand() {
        Paging<Integer> first = Paging.of(ITEMS, 1, 50);
        assertEquals(ITEMS.subList(0, 50), first.items());
        assertEquals(1, first.first());
        assertEquals(50, first.last());
        assertEquals(3, first.pages());
        assertTrue(first.hasNext());
        assertFalse(first.hasPrevious());

        Paging<Integer> last = Paging.of(ITEMS, 3, 50);
        assertEquals(ITEMS.subList(100, 120), last.items());
        assertEquals(101, last.first());
        assertEquals(120, last.last());
        assertFalse(last.hasNext());
        assertTrue(last.hasPrevious());
        assertEquals(120, last.total());
    }

    @Test
    void aPagePastTheEndIsEmptyAndPageZeroIsRefused() {
        Paging<Integer> past = Paging.of(ITEMS, 9, 50);
        assertTrue(past.items().isEmpty());
        assertEquals(0, past.first());
        assertEquals(120, past.total());
        Paging<Integer> none = Paging.of(List.of(), 1, 50);
        assertEquals(1, none.pages());
        assertFalse(none.hasNext());
        assertThrows(BadRequestException.class, () -> Paging.of(ITEMS, 0, 50));
    }
}
