package io.flightdeck.shared;

import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;

/** Turns page/size parameters into a bounded {@link PageRequest}: page from 0, size 1..100, default 20. */
public final class Paging {

    public static final int DEFAULT_SIZE = 20;
    public static final int MAX_SIZE = 100;

    private Paging() {
    }

    public static PageRequest of(Integer page, Integer size, Sort sort) {
        int p = page == null || page < 0 ? 0 : page;
        int s = size == null || size < 1 ? DEFAULT_SIZE : Math.min(size, MAX_SIZE);
        return PageRequest.of(p, s, sort);
    }
}
