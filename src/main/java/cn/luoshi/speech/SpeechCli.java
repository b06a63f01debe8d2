package cn.luoshi.speech;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code java -jar luoshi.jar extract-speech FILE}: prints the extraction of one speech as JSON, without starting
 * the application. {@code -} reads standard input. Exit code 0 on success, 2 when the file is missing,
 * unreadable or too large, or the arguments are wrong.
 */
public final class SpeechCli {

    public static final String COMMAND = "extract-speech";
    static final int OK = 0;
    static final int INPUT_ERROR = 2;

    private static final JsonMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    private SpeechCli() {
    }

    public static int run(String[] args, PrintStream out, PrintStream err) {
        return run(args, System.in, out, err, new SpeechExtractor());
    }

    static int run(String[] args, InputStream stdin, PrintStream out, PrintStream err, SpeechExtractor extractor) {
        if (args.length != 2 || !COMMAND.equals(args[0])) {
            return fail(err, "用法：extract-speech 文件（“-” 表示标准输入）",
                    "Usage: extract-speech FILE (\"-\" reads standard input)");
        }
        long limit = extractor.limits().maxBytes();
        byte[] bytes;
        try {
            bytes = "-".equals(args[1]) ? readLimited(stdin, limit) : readFile(Path.of(args[1]), limit);
        } catch (NoSuchFileException e) {
            return fail(err, "找不到文件：" + args[1], "File not found: " + args[1]);
        } catch (TooLarge e) {
            return fail(err, "文件过大：超过 %d 字节的上限".formatted(limit),
                    "File too large: over the limit of %d bytes".formatted(limit));
        } catch (IOException | RuntimeException e) {
            return fail(err, "无法读取文件：" + args[1], "Cannot read file: " + args[1] + " (" + e.getMessage() + ")");
        }
        SpeechExtraction extraction;
        try {
            extraction = extractor.extract(decode(bytes));
        } catch (SpeechTooLargeException e) {
            return fail(err, e.getMessage(), e.messageEn());
        }
        byte[] json = JSON.writeValueAsBytes(extraction);
        out.write(json, 0, json.length);
        out.write('\n');
        out.flush();
        return OK;
    }

    private static byte[] readFile(Path file, long limit) throws IOException {
        if (Files.isDirectory(file)) {
            throw new IOException("is a directory");
        }
        if (Files.exists(file) && Files.size(file) > limit) {
            throw new TooLarge();
        }
        try (InputStream in = Files.newInputStream(file)) {
            return readLimited(in, limit);
        }
    }

    private static byte[] readLimited(InputStream in, long limit) throws IOException {
        byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, limit + 1));
        if (bytes.length > limit) {
            throw new TooLarge();
        }
        return bytes;
    }

    /** UTF-8 first; files saved by Chinese Windows editors are often GB18030. */
    static String decode(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException notUtf8) {
            return new String(bytes, Charset.forName("GB18030"));
        }
    }

    private static int fail(PrintStream err, String chinese, String english) {
        byte[] message = (chinese + "\n" + english + "\n").getBytes(StandardCharsets.UTF_8);
        err.write(message, 0, message.length);
        err.flush();
        return INPUT_ERROR;
    }

    private static final class TooLarge extends IOException {
        TooLarge() {
            super("too large");
        }
    }
}
