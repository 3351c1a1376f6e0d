/**
 * Stage "index": the catalog as a Lucene index for offline search, and searches over it.
 *
 * <p>{@link org.slmhub.index.CatalogIndexer} takes parsed manifests (plus Git dates and smoke
 * statuses) and writes one document per model: full text over name, summary, card, tags and
 * publisher, edge n-grams of name tokens for prefixes, exact filter terms and facets
 * ({@link org.slmhub.index.ModelFacet}), and numbers for ranges and sorts
 * ({@link org.slmhub.index.ModelNumber}). {@link org.slmhub.index.ModelIndex} opens such an index,
 * refuses one of another format, and answers a {@link org.slmhub.index.SearchRequest}.
 * {@link org.slmhub.index.IndexArchive} packs an index as a zip with its sha256, and
 * {@link org.slmhub.index.IndexLocation} turns a folder, archive or URL into a local index folder.
 */
package org.slmhub.index;
