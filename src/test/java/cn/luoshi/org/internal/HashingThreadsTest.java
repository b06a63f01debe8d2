package cn.luoshi.org.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;

import static org.assertj.core.api.Assertions.assertThat;

/** Passwords are hashed on the hashing threads, never on the request's own (virtual) thread, at most N at once. */
class HashingThreadsTest {

    @Test
    void aRequestOnAVirtualThreadHasItsPasswordCheckedOnAHashingThread() throws Exception {
        List<String> where = new ArrayList<>();
        PasswordEncoder real = PasswordEncoderFactories.createDelegatingPasswordEncoder();
        PasswordEncoder recording = new PasswordEncoder() {
            @Override
            public String encode(CharSequence raw) {
                where.add(Thread.currentThread().getName() + (Thread.currentThread().isVirtual() ? " virtual" : ""));
                return real.encode(raw);
            }

            @Override
            public boolean matches(CharSequence raw, String encoded) {
                where.add(Thread.currentThread().getName() + (Thread.currentThread().isVirtual() ? " virtual" : ""));
                return real.matches(raw, encoded);
            }
        };
        try (HashingThreads hashing = new HashingThreads(recording, 1)) {
            boolean[] results = new boolean[2];
            Thread request = Thread.ofVirtual().start(() -> {
                String hash = hashing.encode("Lanxi2026go");
                results[0] = hashing.matches("Lanxi2026go", hash);
                results[1] = hashing.matches("lanxi2026go", hash);
            });
            request.join();
            assertThat(results).containsExactly(true, false);
            assertThat(where).containsExactly("password-hash-1", "password-hash-1", "password-hash-1");
        }
    }

    @Test
    void withOneThreadASecondHashWaitsForTheFirst() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger running = new AtomicInteger();
        AtomicInteger most = new AtomicInteger();
        PasswordEncoder slow = new PasswordEncoder() {
            @Override
            public String encode(CharSequence raw) {
                return raw.toString();
            }

            @Override
            public boolean matches(CharSequence raw, String encoded) {
                most.accumulateAndGet(running.incrementAndGet(), Math::max);
                try {
                    release.await(30, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                running.decrementAndGet();
                return raw.toString().equals(encoded);
            }
        };
        try (HashingThreads hashing = new HashingThreads(slow, 1)) {
            Thread first = Thread.ofVirtual().start(() -> hashing.matches("a", "a"));
            while (running.get() == 0) {
                Thread.onSpinWait();
            }
            Thread second = Thread.ofVirtual().start(() -> hashing.matches("b", "b"));
            // the second request parks, waiting for its hash, while the only hashing thread is busy with the first
            while (second.getState() != Thread.State.WAITING) {
                Thread.onSpinWait();
            }
            assertThat(running.get()).isEqualTo(1);
            release.countDown();
            first.join();
            second.join();
            assertThat(most.get()).isEqualTo(1);
        }
    }
}
