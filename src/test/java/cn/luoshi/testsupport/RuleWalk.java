package cn.luoshi.testsupport;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Walks a workflow's rule table from outside: for every state × role × operation, what the API offers must be
 * exactly what succeeds. An offered operation is tried on a fresh copy of the object (it changes it); one that is
 * not offered is tried on the shared object of its state and must be refused by the rules — 403, 404 or 409, never
 * a malformed request (400) or a failure (500) — and change nothing. Attempts run on a few threads; mismatches are
 * collected and reported together.
 */
public final class RuleWalk implements AutoCloseable {

    /** Statuses a refusal by the rules may have: not this person (403), not visible (404), not now (409). */
    public static final Set<Integer> REFUSALS = Set.of(403, 404, 409);

    private static final Map<String, String> TOKENS = new ConcurrentHashMap<>();

    private final String workflow;
    private final int port;
    private final ExecutorService pool = Executors.newFixedThreadPool(4);
    private final List<Runnable> queued = new ArrayList<>();
    private final List<Future<?>> running = new ArrayList<>();
    private final List<String> mismatches = Collections.synchronizedList(new ArrayList<>());
    private final Map<Integer, AtomicInteger> byStatus = new ConcurrentHashMap<>();
    private final AtomicInteger offered = new AtomicInteger();
    private final AtomicInteger walked = new AtomicInteger();
    private final long started = System.nanoTime();

    public RuleWalk(String workflow, int port) {
        this.workflow = workflow;
        this.port = port;
    }

    /**
     * The API as one user through a personal token: Basic authentication would hash the password on every one of
     * the walk's thousands of requests. The tokens last as long as tokens may, so a clock another test moved
     * forward does not expire them.
     */
    public Api as(String username) {
        String token = TOKENS.computeIfAbsent(username, name -> {
            Api.Response issued = Api.as(port, name).post("/api/v1/me/tokens",
                    Map.of("name", "rule walk", "validDays", 3650));
            assertThat(issued.status()).as(issued.body()).isEqualTo(201);
            return issued.json().path("token").asString();
        });
        return Api.withToken(port, token);
    }

    /**
     * One combination, queued until {@link #await()}. {@code attempt} sends the request; when the operation is
     * offered it must first make its own copy of the object.
     */
    public void walk(String state, String role, String operation, boolean isOffered, Supplier<Api.Response> attempt) {
        queued.add(() -> {
            Api.Response response;
            try {
                response = attempt.get();
            } catch (RuntimeException | AssertionError e) {
                mismatches.add(key(state, role, operation) + ": attempt failed: " + e);
                return;
            }
            walked.incrementAndGet();
            byStatus.computeIfAbsent(response.status(), s -> new AtomicInteger()).incrementAndGet();
            boolean succeeded = response.status() >= 200 && response.status() < 300;
            if (isOffered) {
                offered.incrementAndGet();
            }
            if (isOffered && !succeeded) {
                mismatches.add(key(state, role, operation) + ": offered but answered " + response.status() + " "
                        + abbreviate(response.body()));
            } else if (!isOffered && succeeded) {
                mismatches.add(key(state, role, operation) + ": not offered but succeeded (" + response.status()
                        + ")");
            } else if (!isOffered && !REFUSALS.contains(response.status())) {
                mismatches.add(key(state, role, operation) + ": refused with " + response.status()
                        + " instead of 403/404/409: " + abbreviate(response.body()));
            }
        });
    }

    /** Records a check of the walk's own (e.g. "the shared object did not change"). */
    public void expect(boolean holds, String what) {
        if (!holds) {
            mismatches.add(what);
        }
    }

    /**
     * Sends every attempt queued so far, in a shuffled (but repeatable) order so that the threads work on different
     * objects rather than queueing for one object's lock, and waits for them (before checking that the shared
     * objects did not change).
     */
    public void await() {
        Collections.shuffle(queued, new Random(20260715));
        for (Runnable attempt : queued) {
            running.add(pool.submit(attempt));
        }
        queued.clear();
        for (Future<?> future : running) {
            try {
                future.get();
            } catch (Exception e) {
                mismatches.add("attempt crashed: " + e);
            }
        }
        running.clear();
    }

    /** Waits for every attempt, prints the summary and fails with every mismatch found. */
    public void finish(int expectedCombinations) {
        await();
        pool.shutdown();
        Map<Integer, Integer> statuses = new TreeMap<>();
        byStatus.forEach((status, n) -> statuses.put(status, n.get()));
        System.out.printf("Rule walk of %s: %d combinations (state × role × operation) in %.1f s, %d offered and "
                        + "succeeded, answers by status %s%n", workflow, walked.get(),
                (System.nanoTime() - started) / 1e9, offered.get(), statuses);
        assertThat(mismatches).as("offered ⇔ succeeds for " + workflow).isEmpty();
        assertThat(walked.get()).as("combinations walked").isEqualTo(expectedCombinations);
    }

    @Override
    public void close() {
        pool.shutdownNow();
    }

    private static String key(String state, String role, String operation) {
        return state + " × " + role + " × " + operation;
    }

    private static String abbreviate(String body) {
        return body == null ? "" : body.length() > 300 ? body.substring(0, 300) + "…" : body;
    }
}
