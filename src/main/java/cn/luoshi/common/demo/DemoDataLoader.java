package cn.luoshi.common.demo;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Comparator;
import java.util.List;

import cn.luoshi.common.LuoshiProperties;
import cn.luoshi.common.db.ExternalDatabaseCondition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/** Loads the demo city on start-up when the demo is switched on (by default only on the embedded database). */
@Component
@Order(Ordered.LOWEST_PRECEDENCE - 100)
class DemoDataLoader implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoDataLoader.class);

    private final List<DemoContributor> contributors;
    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final boolean enabled;
    private final Clock clock;

    DemoDataLoader(List<DemoContributor> contributors, JdbcClient jdbc, TransactionTemplate transactions,
                   LuoshiProperties properties, Environment environment, Clock clock) {
        this.contributors = contributors.stream().sorted(Comparator.comparingInt(DemoContributor::order)).toList();
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.clock = clock;
        this.enabled = properties.demo() != null ? properties.demo()
                : !ExternalDatabaseCondition.isExternal(environment);
    }

    /**
     * The demo goes only where it already is, or into a database nobody has set up yet (no org unit): never into
     * a restored backup of a working installation, nor into one that was switched to demo by mistake.
     */
    private boolean demoInstallation() {
        return jdbc.sql("select exists (select 1 from demo_load) or not exists (select 1 from org_unit)")
                .query(Boolean.class).single();
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!enabled) {
            return;
        }
        if (!demoInstallation()) {
            log.info("The database holds records but never had the demo city (a restored or working installation); "
                    + "no demo data loaded");
            return;
        }
        for (DemoContributor contributor : contributors) {
            transactions.executeWithoutResult(status -> {
                // The lock keeps two nodes starting together from loading the same part twice.
                jdbc.sql("select pg_advisory_xact_lock(7215100)").query().singleValue();
                boolean loaded = jdbc.sql("select count(*) from demo_load where contributor = ?")
                        .param(contributor.key()).query(Long.class).single() > 0;
                if (loaded) {
                    return;
                }
                long started = System.nanoTime();
                contributor.load();
                jdbc.sql("insert into demo_load (contributor, loaded_at) values (?, ?)")
                        .params(contributor.key(), OffsetDateTime.now(clock)).update();
                log.info("Demo data '{}' loaded in {} ms", contributor.key(), (System.nanoTime() - started) / 1_000_000);
            });
        }
    }
}
