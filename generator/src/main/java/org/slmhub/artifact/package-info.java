/**
 * Stage "artifact": resolves a model file declared in a manifest (name, URL, sha256, size) to a
 * verified local file.
 *
 * <p>Order of resolution: the content-addressed cache ({@code <root>/blobs/sha256/<hex>}), then
 * mirror folders (by name, by digest, then by scanning for a file of the same size and digest),
 * then a resumable HTTPS download. Nothing enters the cache before its size and sha256 were
 * checked, so a cache hit needs only a size check. Entry point: {@link org.slmhub.artifact.ArtifactStore}.
 */
package org.slmhub.artifact;
