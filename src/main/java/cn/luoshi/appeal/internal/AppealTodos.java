package cn.luoshi.appeal.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import cn.luoshi.appeal.AppealTodo;
import cn.luoshi.notify.Todo;
import cn.luoshi.notify.TodoSource;
import cn.luoshi.org.DataScope;
import cn.luoshi.org.LuoshiUser;
import cn.luoshi.org.Role;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The appeal lines of the home page, and the conditions behind them: the list applies {@link #condition} for
 * {@code ?todo=}, and the home page counts with the same conditions in one query within the list's scope.
 */
@Component
class AppealTodos implements TodoSource {

    private final JdbcClient jdbc;
    private final AppealRepository repository;

    AppealTodos(JdbcClient jdbc, AppealRepository repository) {
        this.jdbc = jdbc;
        this.repository = repository;
    }

    /** SQL over {@code appeal a}; binds {@code :todoUnit} and the scope's parameters. */
    static String condition(AppealTodo todo, DataScope scope) {
        // The unit that signs for and answers an appeal is its responsible unit: a handler whose scope covers it.
        String responsibleInScope = scope.global() ? "a.responsible_unit_id is not null"
                : scope.rootPath() == null ? "false" : DataScope.unitFilter("a.responsible_unit_id");
        return "(" + switch (todo) {
            case DISPATCH -> "a.status = 'SUBMITTED' and a.dispatch_unit_id = :todoUnit";
            case ACCEPT -> "a.status = 'DISPATCHED' and " + responsibleInScope;
            case ANSWER -> "a.status in ('ACCEPTED', 'REOPENED') and " + responsibleInScope;
            case FLAGGED -> "a.supervisor_flag and a.status <> 'CLOSED'";
            case RATE -> "a.status = 'ANSWERED'";
        } + ")";
    }

    /** Who acts on each kind. */
    static boolean appliesTo(AppealTodo todo, LuoshiUser user) {
        boolean unitUser = user.hasAny(Role.UNIT_HANDLER, Role.UNIT_HEAD) && !user.scope().isEnterprise();
        return switch (todo) {
            case DISPATCH -> unitUser && user.unitId() != null;
            case ACCEPT, ANSWER -> unitUser;
            case FLAGGED -> user.has(Role.SUPERVISOR);
            case RATE -> user.has(Role.ENTERPRISE) && user.scope().isEnterprise();
        };
    }

    static void bind(Long todoUnit, Map<String, Object> params) {
        params.put("todoUnit", todoUnit == null ? -1L : todoUnit);
    }

    @Override
    public List<Todo> todos(LuoshiUser me) {
        List<AppealTodo> kinds = Arrays.stream(AppealTodo.values()).filter(k -> appliesTo(k, me)).toList();
        if (kinds.isEmpty()) {
            return List.of();
        }
        Map<String, Object> params = new HashMap<>();
        AppealRepository.bindScope(me.scope(), params);
        bind(me.unitId(), params);
        String counts = kinds.stream().map(k -> "count(*) filter (where " + condition(k, me.scope()) + ")")
                .collect(Collectors.joining(", "));
        String any = kinds.stream().map(k -> condition(k, me.scope())).collect(Collectors.joining(" or "));
        List<Long> found = jdbc.sql("select " + counts + " from appeal a where "
                        + repository.listScopeCondition(me.scope()) + " and (" + any + ")")
                .params(params)
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
            AppealTodo kind = kinds.get(i);
            todos.add(new Todo("appeal." + kind.name(), "appeal.todo." + kind.name(), found.get(i),
                    "/appeals?todo=" + kind.name(), ICONS.get(kind), 30 + kind.ordinal()));
        }
        return todos;
    }

    private static final Map<AppealTodo, String> ICONS = Map.of(AppealTodo.DISPATCH, "signpost-split",
            AppealTodo.ACCEPT, "inbox", AppealTodo.ANSWER, "reply", AppealTodo.FLAGGED, "exclamation-octagon",
            AppealTodo.RATE, "star");
}
