package cn.luoshi.common.demo;

/**
 * One module's share of the demo city 示例市. Each contributor runs once per database (remembered by its key), in
 * {@link #order()} order, inside a transaction, so a module added later still loads its part into an existing demo.
 */
public interface DemoContributor {

    /** Stable name under which the load is remembered, e.g. {@code "org"} or {@code "task"}. */
    String key();

    /** Lower runs first; the org hierarchy and users are 100, modules that need them come after. */
    int order();

    void load();
}
