package cn.luoshi.org;

import java.util.Map;

import cn.luoshi.testsupport.Api;
import cn.luoshi.testsupport.LuoshiTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

@LuoshiTest
class OrgUnitsTest {

    @LocalServerPort
    int port;

    @Autowired
    OrgUnits units;

    @Autowired
    JdbcClient jdbc;

    private long create(Api admin, Long parent, String name) {
        var body = new java.util.HashMap<String, Object>(Map.of("name", name, "kind", "GRID"));
        if (parent != null) {
            body.put("parentId", parent);
        }
        Api.Response response = admin.post("/api/v1/org-units", body);
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        return response.json().path("id").asLong();
    }

    @Test
    void movingAUnitTakesItsWholeSubtreeAlong() {
        Api admin = Api.as(port, "admin");
        long city = units.findByCode(DemoCity.CITY).orElseThrow().id();
        long qinghe = units.findByCode(DemoCity.QINGHE).orElseThrow().id();
        long grid = create(admin, city, "移动测试网格");
        long child = create(admin, grid, "移动测试子网格");
        long grandChild = create(admin, child, "移动测试孙网格");

        var moved = admin.post("/api/v1/org-units/" + grid + "/move",
                Map.of("parentId", qinghe, "version", units.get(grid).version()));
        assertThat(moved.status()).isEqualTo(200);
        OrgUnit q = units.get(qinghe);
        assertThat(units.get(grandChild).path()).startsWith(q.path() + grid + "/" + child + "/");
        assertThat(units.get(grandChild).depth()).isEqualTo(q.depth() + 3);
        assertThat(units.subtree(qinghe)).extracting(OrgUnit::id).contains(grid, child, grandChild);

        var intoOwnChild = admin.post("/api/v1/org-units/" + grid + "/move",
                Map.of("parentId", grandChild, "version", units.get(grid).version()));
        assertThat(intoOwnChild.status()).isEqualTo(409);
        assertThat(intoOwnChild.json().path("detail").asString()).contains("不能把");
    }

    @Autowired
    org.springframework.transaction.support.TransactionTemplate transactions;

    @Test
    void aSubtreeShowsEveryCommittedChangeMadeBehindItsBackAndNoneRolledBack() {
        long qinghe = units.findByCode(DemoCity.QINGHE).orElseThrow().id();
        OrgUnit q = units.get(qinghe);
        DataScope scope = DataScope.subtree(q);
        assertThat(units.subtree(qinghe)).extracting(OrgUnit::name).doesNotContain("直写网格", "回滚网格");

        // another node (or a script) adds a unit straight in the table
        long written = jdbc.sql("insert into org_unit (parent_id, code, name, kind, path, depth, sort_order)"
                        + " values (?, null, '直写网格', 'GRID', '', ?, 0) returning id")
                .params(qinghe, q.depth() + 1).query(Long.class).single();
        jdbc.sql("update org_unit set path = ? where id = ?").params(q.path() + written + "/", written).update();
        assertThat(units.subtree(qinghe)).extracting(OrgUnit::name).contains("直写网格");
        assertThat(units.visible(scope, false)).extracting(OrgUnit::name).contains("直写网格");

        // renamed and deactivated behind its back
        jdbc.sql("update org_unit set name = '直写网格（改）', active = false where id = ?").param(written).update();
        assertThat(units.subtree(qinghe)).extracting(OrgUnit::name).contains("直写网格（改）")
                .doesNotContain("直写网格");
        assertThat(units.visible(scope, false)).extracting(OrgUnit::id).doesNotContain(written);
        assertThat(units.visible(scope, true)).extracting(OrgUnit::id).contains(written);

        // a unit added in a transaction that is rolled back, read inside it and never after
        transactions.executeWithoutResult(status -> {
            long gone = jdbc.sql("insert into org_unit (parent_id, code, name, kind, path, depth, sort_order)"
                            + " values (?, null, '回滚网格', 'GRID', '', ?, 0) returning id")
                    .params(qinghe, q.depth() + 1).query(Long.class).single();
            jdbc.sql("update org_unit set path = ? where id = ?").params(q.path() + gone + "/", gone).update();
            assertThat(units.subtree(qinghe)).extracting(OrgUnit::name).contains("回滚网格");
            status.setRollbackOnly();
        });
        assertThat(units.subtree(qinghe)).extracting(OrgUnit::name).doesNotContain("回滚网格")
                .contains("直写网格（改）");

        // and removed behind its back (it was never used), which also leaves the demo city as it was
        jdbc.sql("delete from org_unit where id = ?").param(written).update();
        assertThat(units.subtree(qinghe)).extracting(OrgUnit::id).doesNotContain(written);
    }

    @Test
    void unitsAreDeactivatedNeverDeletedAndChildrenFirst() {
        Api admin = Api.as(port, "admin");
        long city = units.findByCode(DemoCity.CITY).orElseThrow().id();
        long parent = create(admin, city, "停用测试单位");
        long child = create(admin, parent, "停用测试下级");
        var refused = admin.post("/api/v1/org-units/" + parent + "/deactivate",
                Map.of("version", units.get(parent).version()));
        assertThat(refused.status()).isEqualTo(409);
        assertThat(admin.post("/api/v1/org-units/" + child + "/deactivate",
                Map.of("version", units.get(child).version())).status()).isEqualTo(200);
        assertThat(admin.post("/api/v1/org-units/" + parent + "/deactivate",
                Map.of("version", units.get(parent).version())).status()).isEqualTo(200);
        assertThat(units.get(parent).active()).isFalse();
        assertThat(admin.get("/api/v1/org-units").body()).doesNotContain("停用测试单位");
        assertThat(admin.get("/api/v1/org-units?includeInactive=true").body()).contains("停用测试单位");
        assertThat(admin.delete("/api/v1/org-units/" + parent).status()).isEqualTo(405);
    }

    @Test
    void importsAProvinceFromGbt2260OnceAndOnlyOnce() {
        Api admin = Api.as(port, "admin");
        var first = admin.post("/api/v1/org-units/import-gbt2260", Map.of("province", "43")).json();
        assertThat(first.path("province").asString()).isEqualTo("湖南省");
        // 湖南省 in the 2023 statistical codes: 14 prefecture-level units and 134 county-level units (122 counties
        // and districts plus 12 development zones coded at county level), plus the province itself.
        assertThat(first.path("created").asInt()).isEqualTo(1 + 14 + 134);
        var second = admin.post("/api/v1/org-units/import-gbt2260", Map.of("province", "430000")).json();
        assertThat(second.path("created").asInt()).isZero();
        assertThat(second.path("unchanged").asInt()).isEqualTo(149);

        OrgUnit zhuzhou = units.findByCode("430200").orElseThrow();
        assertThat(zhuzhou.name()).isEqualTo("株洲市");
        OrgUnit hetang = units.findByCode("430202").orElseThrow();
        assertThat(hetang.parentId()).isEqualTo(zhuzhou.id());
        assertThat(jdbc.sql("select count(*) from org_unit where code like '43%'").query(Long.class).single())
                .isEqualTo(149);
        assertThat(admin.post("/api/v1/org-units/import-gbt2260", Map.of("province", "77")).status())
                .isEqualTo(400);
    }

    /** A top unit has no parent: read as null, not as the id 0 (the global administrator's roots are found so). */
    @Test
    void theTopUnitHasNoParent() {
        assertThat(units.findByCode(DemoCity.PROVINCE).orElseThrow().parentId()).isNull();
        long province = units.findByCode(DemoCity.PROVINCE).orElseThrow().id();
        assertThat(units.findByCode(DemoCity.CITY).orElseThrow().parentId()).isEqualTo(province);
        assertThat(Api.as(port, "admin").get("/api/v1/org-units/" + province).json().path("parentId").isNull())
                .isTrue();
    }
}
