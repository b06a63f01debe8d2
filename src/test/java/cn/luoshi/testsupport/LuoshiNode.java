package cn.luoshi.testsupport;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Delayed;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import cn.luoshi.LuoshiApplication;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.scheduling.TaskScheduler;
import org.springframework.scheduling.Trigger;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTask;
import org.springframework.scheduling.config.ScheduledTaskHolder;
import org.springframework.scheduling.support.ScheduledMethodRunnable;

/**
 * One Luoshi application node started in this JVM (its own Spring context, web server, pool and data folder) on a
 * database given by the test. Its scheduler is held: nothing runs by the machine's clock; the test triggers the
 * scheduled jobs itself with {@link #runJob(String)}, as the scheduler would, at the time of the node's own clock.
 */
public final class LuoshiNode implements AutoCloseable {

    private final String name;
    private final ConfigurableApplicationContext context;

    private LuoshiNode(String name, ConfigurableApplicationContext context) {
        this.name = name;
        this.context = context;
    }

    /**
     * Starts a node named {@code name} (its claims and its database connections carry the name) with the demo
     * city's passwords of the test suite.
     */
    public static LuoshiNode start(String name, Path dataDir, SeparateDatabase database, String... extra) {
        List<String> args = new ArrayList<>(List.of(database.arguments()));
        args.addAll(List.of("--luoshi.data-dir=" + dataDir, "--server.port=0", "--luoshi.node-name=" + name,
                "--spring.datasource.hikari.data-source-properties.ApplicationName=" + name,
                "--spring.datasource.hikari.connection-init-sql=set synchronous_commit = off",
                "--luoshi.admin-password=" + Api.ADMIN_PASSWORD, "--luoshi.demo-password=" + Api.PASSWORD,
                "--luoshi.demo=true", "--spring.main.banner-mode=off", "--logging.level.root=WARN"));
        args.addAll(List.of(extra));
        var app = new SpringApplication(LuoshiApplication.class, HeldScheduling.class);
        return new LuoshiNode(name, app.run(args.toArray(String[]::new)));
    }

    public String name() {
        return name;
    }

    public int port() {
        return Integer.parseInt(context.getEnvironment().getProperty("local.server.port"));
    }

    public Api as(String username) {
        return Api.as(port(), username);
    }

    public MutableClock clock() {
        return context.getBean(MutableClock.class);
    }

    public <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    /** Luoshi's own scheduled jobs on this node, as {@code Class.method}, in name order. */
    public List<String> jobs() {
        return tasks().stream().filter(t -> !jobName(t).contains(".support.")).map(LuoshiNode::jobName).sorted()
                .toList();
    }

    /** Runs one scheduled job (as {@code Class.method}, e.g. {@code ReminderJob.onSchedule}) once, now. */
    public void runJob(String job) {
        tasks().stream().filter(t -> jobName(t).equals(job)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no scheduled job " + job + " on " + name))
                .getTask().getRunnable().run();
    }

    private List<ScheduledTask> tasks() {
        return context.getBeansOfType(ScheduledTaskHolder.class).values().stream()
                .flatMap(holder -> holder.getScheduledTasks().stream())
                .sorted(Comparator.comparing(LuoshiNode::jobName)).toList();
    }

    /** {@code Class.method} of a job of Luoshi's own (the runnable names its method in full). */
    private static String jobName(ScheduledTask task) {
        String method = task.getTask().getRunnable() instanceof ScheduledMethodRunnable runnable
                ? runnable.getMethod().getDeclaringClass().getName() + "." + runnable.getMethod().getName()
                : task.getTask().getRunnable().toString();
        String[] parts = method.split("\\.");
        return parts.length >= 2 && method.startsWith("cn.luoshi.")
                ? parts[parts.length - 2] + "." + parts[parts.length - 1] : method;
    }

    public boolean isRunning() {
        return context.isActive();
    }

    @Override
    public void close() {
        context.close();
    }

    /** Registered as a source of the node's context: every job is registered, none is ever started. */
    static class HeldScheduling {

        /** The node's own clock, starting at {@link MutableClock#START}. */
        @Bean
        @Primary
        MutableClock nodeClock() {
            return new MutableClock(MutableClock.START.getZone());
        }

        @Bean
        SchedulingConfigurer heldScheduler() {
            return registrar -> registrar.setTaskScheduler(new HeldScheduler());
        }
    }

    private static final class HeldScheduler implements TaskScheduler {
        @Override
        public ScheduledFuture<?> schedule(Runnable task, Trigger trigger) {
            return new Held();
        }

        @Override
        public ScheduledFuture<?> schedule(Runnable task, Instant startTime) {
            return new Held();
        }

        @Override
        public ScheduledFuture<?> scheduleAtFixedRate(Runnable task, Instant startTime, Duration period) {
            return new Held();
        }

        @Override
        public ScheduledFuture<?> scheduleAtFixedRate(Runnable task, Duration period) {
            return new Held();
        }

        @Override
        public ScheduledFuture<?> scheduleWithFixedDelay(Runnable task, Instant startTime, Duration delay) {
            return new Held();
        }

        @Override
        public ScheduledFuture<?> scheduleWithFixedDelay(Runnable task, Duration delay) {
            return new Held();
        }
    }

    /** A run that never comes. */
    private static final class Held implements ScheduledFuture<Object> {
        @Override
        public long getDelay(TimeUnit unit) {
            return Long.MAX_VALUE;
        }

        @Override
        public int compareTo(Delayed other) {
            return Long.compare(getDelay(TimeUnit.NANOSECONDS), other.getDelay(TimeUnit.NANOSECONDS));
        }

        @Override
        public boolean cancel(boolean mayInterruptIfRunning) {
            return true;
        }

        @Override
        public boolean isCancelled() {
            return false;
        }

        @Override
        public boolean isDone() {
            return false;
        }

        @Override
        public Object get() {
            throw new UnsupportedOperationException("a held job never runs by itself");
        }

        @Override
        public Object get(long timeout, TimeUnit unit) {
            throw new UnsupportedOperationException("a held job never runs by itself");
        }
    }
}
