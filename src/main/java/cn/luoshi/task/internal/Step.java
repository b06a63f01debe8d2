package cn.luoshi.task.internal;

import cn.luoshi.task.TaskAction;
import cn.luoshi.task.TaskStatus;

/** A workflow step the rules allowed: which action, from which status to which. */
record Step(TaskAction action, TaskStatus from, TaskStatus to) {
}
