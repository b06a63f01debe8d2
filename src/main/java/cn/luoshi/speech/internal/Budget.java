package cn.luoshi.speech.internal;

/** A time allowance for one extraction; stages check it and stop early, leaving a partial result. */
final class Budget {

    private final long deadline;
    private boolean exhausted;

    Budget(long nanos) {
        this.deadline = System.nanoTime() + nanos;
    }

    boolean exhausted() {
        if (!exhausted && System.nanoTime() > deadline) {
            exhausted = true;
        }
        return exhausted;
    }

    boolean wasExhausted() {
        return exhausted;
    }
}
