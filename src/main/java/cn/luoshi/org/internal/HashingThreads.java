package cn.luoshi.org.internal;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.function.Supplier;

import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Password hashing on a few platform threads of its own. Requests run on virtual threads, which the JVM does not
 * preempt: a burst of sign-ins, each a hundred milliseconds or more of pure computation, would otherwise hold every
 * carrier thread and stall all other requests — including one that holds the audit chain's lock, so that the
 * whole connection pool ends up waiting. Here the hashes share the processors with everything else, at most one per
 * processor at a time, and a flood of sign-ins queues behind them instead of starving the rest.
 */
final class HashingThreads implements PasswordEncoder, AutoCloseable {

    private final PasswordEncoder delegate;
    private final ExecutorService threads;

    HashingThreads(PasswordEncoder delegate, int threads) {
        this.delegate = delegate;
        ThreadFactory factory = Thread.ofPlatform().name("password-hash-", 1).daemon().factory();
        this.threads = Executors.newFixedThreadPool(Math.max(1, threads), factory);
    }

    @Override
    public String encode(CharSequence rawPassword) {
        return run(() -> delegate.encode(rawPassword));
    }

    @Override
    public boolean matches(CharSequence rawPassword, String encodedPassword) {
        return run(() -> delegate.matches(rawPassword, encodedPassword));
    }

    @Override
    public boolean upgradeEncoding(String encodedPassword) {
        return delegate.upgradeEncoding(encodedPassword);
    }

    private <T> T run(Supplier<T> work) {
        Future<T> result = threads.submit(work::get);
        try {
            return result.get();
        } catch (InterruptedException e) {
            result.cancel(true);
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while hashing a password", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    @Override
    public void close() {
        threads.shutdownNow();
    }
}
