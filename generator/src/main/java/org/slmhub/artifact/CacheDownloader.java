package org.slmhub.artifact;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import static org.slmhub.artifact.ArtifactException.Kind.CHECKSUM_MISMATCH;
import static org.slmhub.artifact.ArtifactException.Kind.HTTP_ERROR;
import static org.slmhub.artifact.ArtifactException.Kind.NOT_ALLOWED;
import static org.slmhub.artifact.ArtifactException.Kind.UNAVAILABLE;

/**
 * Downloads an artifact into the cache: under a lock, into {@code tmp/<sha256>.partial}, then
 * checks the digest and renames the file into {@code blobs/sha256/}. A failed partial is kept only
 * when its bytes may still be a correct prefix (network trouble, HTTP errors), so the next run resumes;
 * after a wrong size or digest it is deleted.
 */
final class CacheDownloader {

    private final BlobCache cache;
    private final HttpTransfer transfer;

    CacheDownloader(BlobCache cache, HttpTransfer transfer) {
        this.cache = cache;
        this.transfer = transfer;
    }

    Resolved download(ArtifactRef ref) throws ArtifactException {
        try {
            cache.prepare();
            try (DownloadLock lock = DownloadLock.acquire(cache.lockPath(ref.sha256()))) {
                // Another process may have finished this download while we waited for the lock.
                Optional<Path> done = cache.find(ref);
                if (done.isPresent()) {
                    return new Resolved(done.get(), Resolved.Source.CACHE);
                }
                Path partial = cache.partialPath(ref.sha256());
                fillAndVerify(ref, partial);
                return new Resolved(cache.commit(partial, ref.sha256()), Resolved.Source.DOWNLOAD);
            }
        } catch (IOException e) {
            throw new ArtifactException(UNAVAILABLE, "cannot write " + ref.file() + " to the cache at "
                    + cache.root() + ": " + e + "; free disk space or set SLMHUB_CACHE to a writable folder", e);
        }
    }

    private void fillAndVerify(ArtifactRef ref, Path partialPath) throws ArtifactException, IOException {
        try (PartialFile partial = PartialFile.open(partialPath, ref.size())) {
            checkFreeSpace(ref, partial, partialPath);
            transfer.fill(ref, partial);
            if (partial.holdsEarlierBytes() && !partial.sha256().equals(ref.sha256())) {
                // The bad bytes may be an earlier run's rather than the server's: one clean download tells.
                partial.restart();
                transfer.fill(ref, partial);
            }
            String actual = partial.sha256();
            if (!actual.equals(ref.sha256())) {
                throw new ArtifactException(CHECKSUM_MISMATCH, "checksum mismatch for " + ref.file() + " from "
                        + ref.url() + ": expected sha256 " + ref.sha256() + ", got " + actual
                        + "; the download was discarded (the manifest's sha256 or url is wrong)");
            }
            partial.sync();
        } catch (ArtifactException e) {
            discardUnlessResumable(partialPath, e.kind());
            throw e;
        }
    }

    /**
     * The declared size is the only bound on what a server may send, so a size the disk cannot hold
     * (a typo, or a lie paired with a body that never ends) must fail before the disk fills up.
     */
    private void checkFreeSpace(ArtifactRef ref, PartialFile partial, Path partialPath) throws ArtifactException, IOException {
        long needed = ref.size() - partial.length();
        long free = Files.getFileStore(partialPath).getUsableSpace();
        if (needed > free) {
            throw new ArtifactException(UNAVAILABLE, "not enough disk space for " + ref.file() + ": the manifest declares "
                    + ref.size() + " bytes, the cache at " + cache.root() + " has " + free + " bytes free"
                    + "; fix the manifest's size, free disk space or set SLMHUB_CACHE to a larger disk");
        }
    }

    private static void discardUnlessResumable(Path partial, ArtifactException.Kind kind) throws IOException {
        boolean mayBePrefix = kind == UNAVAILABLE || kind == HTTP_ERROR || kind == NOT_ALLOWED;
        if (!mayBePrefix || (Files.exists(partial) && Files.size(partial) == 0)) {
            Files.deleteIfExists(partial);
        }
    }
}
