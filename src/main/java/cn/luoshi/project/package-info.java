/**
 * Key projects (重点项目): register, investment plans against actuals by month, milestones, lights, the problems
 * raised on a project and what they became. Other modules use {@link cn.luoshi.project.Projects} (registration from
 * speeches) and {@link cn.luoshi.project.ProjectProblems} (linking problems to tasks and appeals).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Key projects")
package cn.luoshi.project;
