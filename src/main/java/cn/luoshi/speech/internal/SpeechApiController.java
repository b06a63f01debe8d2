package cn.luoshi.speech.internal;

import java.io.IOException;

import cn.luoshi.common.error.DomainException;
import cn.luoshi.org.LuoshiUser;
import cn.luoshi.speech.SpeechExtraction;
import org.springframework.http.MediaType;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * Extraction as a service: the text in, the outline, tasks, targets, figures and projects out, with offsets into the
 * text. Reading a file is costly work, so only those who import speeches (the supervision office, administrators) may
 * call it.
 */
@RestController
@RequestMapping("/api/v1/speech")
class SpeechApiController {

    private final SpeechReviews reviews;

    SpeechApiController(SpeechReviews reviews) {
        this.reviews = reviews;
    }

    @PostMapping(path = "/extract", consumes = {MediaType.TEXT_PLAIN_VALUE})
    SpeechExtraction extract(@AuthenticationPrincipal LuoshiUser me, @RequestBody(required = false) String text) {
        requireImporter(me);
        if (text == null || text.isBlank()) {
            throw DomainException.invalid("speech.error.emptyText");
        }
        return reviews.extract(text);
    }

    /** A .txt, .docx or .pdf file; offsets then index the text read from it. */
    @PostMapping(path = "/extract", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    SpeechExtraction extractFile(@AuthenticationPrincipal LuoshiUser me, @RequestPart("file") MultipartFile file)
            throws IOException {
        requireImporter(me);
        String text = SpeechDocuments.text(file.getOriginalFilename(), file.getBytes());
        if (text.isBlank()) {
            throw DomainException.invalid("speech.error.emptyText");
        }
        return reviews.extract(text);
    }

    private static void requireImporter(LuoshiUser me) {
        if (!SpeechReviews.mayRegister(me)) {
            throw DomainException.forbidden("speech.error.onlySupervisor");
        }
    }
}
