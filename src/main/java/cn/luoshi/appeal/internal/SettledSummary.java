package cn.luoshi.appeal.internal;

import java.time.ZoneId;

import cn.luoshi.common.LuoshiProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Keeps the monthly summary of settled appeals (maintained by a database trigger) reckoned in Luoshi's zone: when
 * the configured zone differs from the one the summary was built in, the summary is rebuilt once, under a lock so
 * that nodes starting together do it only once.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class SettledSummary implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(SettledSummary.class);

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final ZoneId zone;

    SettledSummary(JdbcClient jdbc, TransactionTemplate transactions, LuoshiProperties properties) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.zone = properties.zone();
    }

    @Override
    public void run(ApplicationArguments args) {
        transactions.executeWithoutResult(status -> {
            jdbc.sql("select pg_advisory_xact_lock(7215500)").query().singleValue();
            String stored = jdbc.sql("select zone from appeal_stat_zone where id = 1").query(String.class).single();
            if (!stored.equals(zone.getId())) {
                jdbc.sql("update appeal_stat_zone set zone = ? where id = 1").param(zone.getId()).update();
                rebuild();
                log.info("Appeal statistics summary rebuilt for zone {}", zone.getId());
            }
        });
    }

    /** Recounts the summary from the appeals (call inside a transaction). */
    void rebuild() {
        jdbc.sql("delete from appeal_settled_month").update();
        jdbc.sql("""
                do $$
                declare r appeal;
                begin
                    for r in select * from appeal loop
                        perform appeal_settled_add(r, 1);
                    end loop;
                end $$""").update();
    }
}
