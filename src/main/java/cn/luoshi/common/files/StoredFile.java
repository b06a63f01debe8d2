package cn.luoshi.common.files;

import java.time.OffsetDateTime;

/** A file kept by Luoshi; which record it belongs to, and so who may read it, is the owning module's business. */
public record StoredFile(long id, String originalName, String contentType, long sizeBytes, String sha256,
                         OffsetDateTime createdAt, String createdBy) {
}
