package cn.luoshi.notify;

/**
 * One line of a user's to-do list (首页待办): how many things of one kind wait for the user, and the list page that
 * shows exactly those.
 *
 * @param key   stable id of the kind, {@code module.KIND} (e.g. {@code task.SIGN}), for tests and page anchors
 * @param label message code of the line's text; it takes {@code args}
 * @param link  the list behind the count, filtered the same way, so it shows {@code count} rows
 * @param icon  a Bootstrap icon name
 * @param order where the line goes on the page (smaller first)
 */
public record Todo(String key, String label, long count, String link, String icon, int order, Object... args) {
}
