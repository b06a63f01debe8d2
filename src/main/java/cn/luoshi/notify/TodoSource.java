package cn.luoshi.notify;

import java.util.List;

import cn.luoshi.org.LuoshiUser;

/**
 * What one module asks of the signed-in user, for the home page. Each module implements it in its own
 * {@code internal} package with one set-based query scoped to the user, so the home page depends on no module and
 * no module on all others. Lines with a count of zero may be returned; the page leaves them out.
 */
public interface TodoSource {

    List<Todo> todos(LuoshiUser me);
}
