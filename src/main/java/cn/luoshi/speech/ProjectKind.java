package cn.luoshi.speech;

/** What sort of thing a named project is, read from the last word of its name. */
public enum ProjectKind {
    /** Roads, motorways, interchanges, railways, airports, ports and waterways. */
    TRANSPORT,
    /** Industrial parks, bases, towns, cities and zones. */
    PARK,
    /** Buildings and facilities: centres, squares, plants, halls. */
    FACILITY,
    /** Engineering works (…工程). */
    WORKS,
    /** Anything named …项目. */
    PROJECT
}
