package cn.luoshi.task.internal;

import cn.luoshi.org.LuoshiUser;

/** Who did something on a task: a user, or the system (the daily job). */
record Actor(Long userId, String name, String username) {

    static final Actor SYSTEM = new Actor(null, "系统", "system");
    /** The daily round of reminders and escalation. */
    static final Actor DAILY_ROUND = new Actor(null, "系统（每日巡检）", "system");

    static Actor of(LuoshiUser user) {
        return new Actor(user.id(), user.displayName(), user.getUsername());
    }
}
