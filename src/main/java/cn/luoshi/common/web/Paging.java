package cn.luoshi.common.web;

import java.util.List;

/**
 * A requested page, clamped to sane bounds so no caller can ask for the whole table at once.
 */
public record Paging(int page, int size) {

    public static final int DEFAULT_SIZE = 20;
    public static final int MAX_SIZE = 200;

    public Paging {
        page = Math.max(page, 0);
        size = size <= 0 ? DEFAULT_SIZE : Math.min(size, MAX_SIZE);
    }

    public static Paging of(Integer page, Integer size) {
        return new Paging(page == null ? 0 : page, size == null ? DEFAULT_SIZE : size);
    }

    public long offset() {
        return (long) page * size;
    }

    public <T> PageResponse<T> page(List<T> content, long total) {
        return new PageResponse<>(content, page, size, total);
    }
}
