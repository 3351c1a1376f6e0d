package org.slmhub.site;

/**
 * Page data that stands for itself in a page's fingerprint by a short key (a list of model rows by
 * their models' keys), so an unchanged listing is recognised without making its rows.
 */
interface Keyed {
    String key();
}
