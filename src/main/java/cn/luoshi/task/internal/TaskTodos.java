package cn.luoshi.task.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

import cn.luoshi.notify.Todo;
import cn.luoshi.notify.TodoSource;
import cn.luoshi.org.LuoshiUser;
import cn.luoshi.org.OrgUnits;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The task lines of the home page: one query counts every {@link TaskTodo} that applies to the user, within the
 * user's scope, with the board's own conditions; each line links to the board filtered by it.
 */
@Component
class TaskTodos implements TodoSource {

    private final JdbcClient jdbc;
    private final OrgUnits units;
    private final Clock clock;

    TaskTodos(JdbcClient jdbc, OrgUnits units, Clock clock) {
        this.jdbc = jdbc;
        this.units = units;
        this.clock = clock;
    }

    @Override
    public List<Todo> todos(LuoshiUser me) {
        List<TaskTodo> kinds = Arrays.stream(TaskTodo.values()).filter(k -> k.appliesTo(me)).toList();
        if (kinds.isEmpty() || me.scope().isEnterprise()) {
            return List.of();
        }
        LocalDate today = LocalDate.now(clock);
        ScopeUnits scope = ScopeUnits.of(me.scope(), units);
        String counts = kinds.stream().map(k -> "count(*) filter (where " + k.condition() + ")")
                .collect(Collectors.joining(", "));
        String any = kinds.stream().map(TaskTodo::condition).collect(Collectors.joining(" or "));
        List<Long> found = jdbc.sql("select " + counts + " from task t where " + scope.condition("t")
                        + " and (" + any + ")")
                .params(TaskTodo.params(me.unitId(), today))
                .query(rs -> {
                    List<Long> values = new ArrayList<>();
                    rs.next();
                    for (int i = 1; i <= kinds.size(); i++) {
                        values.add(rs.getLong(i));
                    }
                    return values;
                });
        List<Todo> todos = new ArrayList<>();
        for (int i = 0; i < kinds.size(); i++) {
            TaskTodo kind = kinds.get(i);
            todos.add(new Todo("task." + kind.name(), "task.todo." + kind.name(), found.get(i),
                    "/tasks?todo=" + kind.name(), kind.icon(), 10 + kind.ordinal()));
        }
        return todos;
    }
}
