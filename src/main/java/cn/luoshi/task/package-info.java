/**
 * Key task supervision (督查督办): meetings and the tasks they deploy, decomposed to sub-units, reported on, reminded,
 * escalated and reviewed until closed. Other modules register tasks through {@link cn.luoshi.task.Tasks} (a meeting's
 * deployments, a project's problems) and meetings through {@link cn.luoshi.task.Meetings}; they learn of status
 * changes from {@link cn.luoshi.task.TaskStatusChanged}. Everything else is internal.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Task supervision")
package cn.luoshi.task;
