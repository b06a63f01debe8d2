package cn.luoshi.enterprise.internal;

import java.util.List;

import cn.luoshi.enterprise.PerMuEvaluations;
import cn.luoshi.notify.Todo;
import cn.luoshi.notify.TodoSource;
import cn.luoshi.org.DataScope;
import cn.luoshi.org.LuoshiUser;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Objections to answer (异议待处理): per run of a region in the user's scope, the objections still filed, for those
 * who may decide them (the same people who compute runs, as {@link PerMuEvaluations} decides). One query.
 */
@Component
class PerMuTodos implements TodoSource {

    private final JdbcClient jdbc;

    PerMuTodos(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<Todo> todos(LuoshiUser me) {
        if (!PerMuEvaluations.computes(me) || me.scope().isEnterprise() || me.scope().rootPath() == null) {
            return List.of();
        }
        return jdbc.sql("""
                        select run.id, run.year, u.name, count(*) from per_mu_objection o
                        join per_mu_run run on run.id = o.run_id
                        join org_unit u on u.id = run.region_id
                        where o.status = 'FILED' and\s""" + DataScope.unitFilter("run.region_id") + """

                        group by run.id, run.year, u.name order by run.year desc, run.id desc""")
                .param("scopePath", me.scope().pathPattern())
                .query((rs, n) -> new Todo("perMu.OBJECTION." + rs.getLong(1), "perMu.todo.objections",
                        rs.getLong(4), "/enterprises/per-mu/runs/" + rs.getLong(1) + "#objections",
                        "clipboard-check", 50, String.valueOf(rs.getInt(2)), rs.getString(3)))
                .list();
    }
}
