/**
 * The leader cockpit (领导驾驶舱) and the home page of to-dos. The cockpit answers "where do we stand" for the
 * reader's region as of a month's end from the other modules' public overviews (tasks, indicators and targets,
 * projects, appeals, per-mu grades); every figure carries the link of the list that shows it. The home page lists
 * what the signed-in user must act on, from every module's {@link cn.luoshi.notify.TodoSource}. Only
 * {@link cn.luoshi.cockpit.Cockpit} and its view records are public.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Leader cockpit and home")
package cn.luoshi.cockpit;
