package cn.luoshi.common.web;

import java.util.List;
import java.util.function.Function;

/** The shape of every list the API returns. */
public record PageResponse<T>(List<T> content, int page, int size, long totalElements) {

    public int totalPages() {
        return size == 0 ? 0 : (int) ((totalElements + size - 1) / size);
    }

    public <R> PageResponse<R> map(Function<T, R> mapper) {
        return new PageResponse<>(content.stream().map(mapper).toList(), page, size, totalElements);
    }
}
