package org.slmhub.index;

/** How results are ordered; every order ends with the name, then the id, so ties are stable. */
public enum SortOrder {
    /** Best match first (without query text: by name). */
    RELEVANCE,
    /** Fewest parameters first. */
    PARAMS,
    /** Smallest artifact first. */
    SIZE,
    /** Most recently added to the catalog first; models without Git dates last. */
    NEWEST,
    /** Most recently changed first; models without Git dates last. */
    UPDATED,
    /** By name, A to Z. */
    NAME
}
