package cn.luoshi.speech;

/**
 * The input is larger than the extractor accepts. Carries a Chinese message for users ({@link #getMessage()})
 * and an English one ({@link #messageEn()}); the web layer answers 413.
 */
public class SpeechTooLargeException extends RuntimeException {

    private final long size;
    private final long limit;

    public SpeechTooLargeException(long size, long limit) {
        super("讲话稿过大：%d 字节，上限为 %d 字节".formatted(size, limit));
        this.size = size;
        this.limit = limit;
    }

    public String messageEn() {
        return "The speech is too large: %d bytes, the limit is %d bytes".formatted(size, limit);
    }

    public long size() {
        return size;
    }

    public long limit() {
        return limit;
    }
}
