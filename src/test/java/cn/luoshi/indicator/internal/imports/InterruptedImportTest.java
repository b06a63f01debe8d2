package cn.luoshi.indicator.internal.imports;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.Map;

import javax.sql.DataSource;

import cn.luoshi.org.LuoshiUser;
import cn.luoshi.indicator.Uploads;
import cn.luoshi.testsupport.Api;
import cn.luoshi.testsupport.LuoshiTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An import whose runner died (crash, restart, killed node) is marked interrupted on the next sweep, with nothing of
 * it written, and the same file imports again; an import another node is still writing is left alone.
 */
@LuoshiTest
class InterruptedImportTest {

    @LocalServerPort
    int port;
    @Autowired
    ImportRunner runner;
    @Autowired
    InterruptedImports sweeper;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    DataSource dataSource;
    @Autowired
    UserDetailsService users;

    private long openedTwoMinutesAgo(String filename) {
        long id = runner.open(filename, 120, (LuoshiUser) users.loadUserByUsername("tjj"));
        jdbc.sql("update observation_import set opened_at = now() - interval '2 minutes' where id = ?").param(id)
                .update();
        return id;
    }

    private Map<String, Object> row(long id) {
        return jdbc.sql("select status, phase, finished_at is not null as finished from observation_import where id = ?")
                .param(id).query().singleRow();
    }

    @Test
    void anImportWithoutItsRunnerIsMarkedInterruptedAndTheFileImportsAgain() throws Exception {
        long dead = openedTwoMinutesAgo("中断测试.csv");
        long alive = openedTwoMinutesAgo("另一节点正在导入.csv");
        long justOpened = runner.open("刚开始导入.csv", 120, (LuoshiUser) users.loadUserByUsername("tjj"));

        // Another node writing `alive` holds its lock in its writing transaction.
        try (Connection other = dataSource.getConnection()) {
            other.setAutoCommit(false);
            try (PreparedStatement lock = other.prepareStatement("select pg_advisory_xact_lock(?)")) {
                lock.setLong(1, InterruptedImports.lockKey(alive));
                lock.execute();
            }
            assertThat(sweeper.sweep()).isEqualTo(1);
            other.rollback();
        }

        assertThat(row(dead)).containsEntry("status", "FAILED").containsEntry("phase", "INTERRUPTED")
                .containsEntry("finished", true);
        assertThat(row(alive)).containsEntry("status", "RUNNING").containsEntry("phase", "READING");
        assertThat(row(justOpened)).containsEntry("status", "RUNNING");
        // Once its node is gone too, the next sweep takes it.
        assertThat(sweeper.sweep()).isEqualTo(1);
        assertThat(row(alive)).containsEntry("phase", "INTERRUPTED");

        Api tjj = Api.as(port, "tjj");
        JsonNode shown = tjj.get("/api/v1/observations/imports/" + dead).json();
        assertThat(shown.path("status").asString()).isEqualTo("FAILED");
        assertThat(shown.path("phase").asString()).isEqualTo("INTERRUPTED");
        assertThat(tjj.get("/indicators/import/" + dead).body())
                .contains("文件「中断测试.csv」的导入因服务重启或故障而中断，未写入任何数据，请重新导入");
        assertThat(tjj.get("/indicators/import").body()).contains("已中断");

        Api.Response again = Uploads.post(tjj, "/api/v1/observations/import", "中断测试.csv", Uploads.csv("""
                指标,单位,期间,类型,数值
                技术合同成交额,990102,2019,当期,77.5
                """));
        assertThat(again.status()).as(again.body()).isEqualTo(200);
        assertThat(again.json().path("status").asString()).isEqualTo("DONE");
        assertThat(again.json().path("inserted").asLong()).isEqualTo(1);
    }
}
