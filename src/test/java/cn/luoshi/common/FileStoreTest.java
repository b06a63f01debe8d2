package cn.luoshi.common;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;

import cn.luoshi.common.error.DomainException;
import cn.luoshi.common.files.FileKind;
import cn.luoshi.common.files.FileStore;
import cn.luoshi.testsupport.LuoshiTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@LuoshiTest
class FileStoreTest {

    @Autowired
    FileStore files;

    @Autowired
    TransactionTemplate transactions;

    static final byte[] PDF = "%PDF-1.7\n1 0 obj\n".getBytes(StandardCharsets.US_ASCII);

    @Test
    void storesAFileWhoseBytesMatchItsName() throws Exception {
        var stored = files.store(new ByteArrayInputStream(PDF), "../../进展材料.pdf", PDF.length,
                FileStore.DOCUMENTS_AND_IMAGES, 1024, "gxj");
        assertThat(stored.originalName()).isEqualTo("进展材料.pdf");
        assertThat(stored.contentType()).isEqualTo("application/pdf");
        try (var in = files.open(stored.id())) {
            assertThat(in.readAllBytes()).isEqualTo(PDF);
        }
    }

    @Test
    void refusesDisguisedAndOversizeFiles() {
        byte[] script = "<script>alert(1)</script>".getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> files.store(new ByteArrayInputStream(script), "photo.png", script.length,
                FileStore.IMAGES, 1024, "gxj")).isInstanceOf(DomainException.class)
                .extracting("code").isEqualTo("files.error.type");
        byte[] big = new byte[4096];
        System.arraycopy(PDF, 0, big, 0, PDF.length);
        // the client lies about the size: the stream is cut off at the limit anyway
        assertThatThrownBy(() -> files.store(new ByteArrayInputStream(big), "big.pdf", 10,
                FileStore.DOCUMENTS_AND_IMAGES, 1024, "gxj")).isInstanceOf(DomainException.class)
                .extracting("code").isEqualTo("files.error.tooLarge");
        assertThat(FileKind.detect(new byte[] {0x50, 0x4B, 0x03, 0x04}, "report.xlsx")).isEqualTo(FileKind.XLSX);
        assertThat(FileKind.detect(new byte[] {0x50, 0x4B, 0x03, 0x04}, "report.exe")).isNull();
    }
}
