/**
 * Stage "registry": a published slmhub site as the source of a model's manifest, for users without
 * a checkout of the catalog. The site's {@code api/models/<id>.json} is fetched (or read from a
 * site folder), kept in the cache beside the artifacts, and checked like a catalog file before
 * anything trusts it. Entry point: {@link org.slmhub.registry.SiteRegistry}.
 */
package org.slmhub.registry;
