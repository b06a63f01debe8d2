package cn.luoshi.indicator.internal.web;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import cn.luoshi.common.LuoshiProperties;
import org.springframework.stereotype.Component;
import org.springframework.web.multipart.MultipartFile;

/**
 * Keeps an uploaded import file on disk for a background import (the request's own copy disappears with the
 * request); the import deletes it when done.
 */
@Component
class UploadFolder {

    private final Path folder;

    UploadFolder(LuoshiProperties properties) {
        this.folder = properties.dataDir().resolve("tmp");
    }

    Path save(MultipartFile file) throws IOException {
        Files.createDirectories(folder);
        Path saved = Files.createTempFile(folder, "import-", ".upload");
        file.transferTo(saved);
        return saved;
    }
}
