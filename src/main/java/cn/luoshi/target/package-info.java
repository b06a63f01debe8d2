/**
 * Targets (目标): an indicator for an org unit and a year or a deadline, with a comparator; decomposition to
 * sub-units (层层分解) and attainment against time-progress (序时进度) with status lights. Other modules register
 * targets through {@link cn.luoshi.target.Targets}; everything else is internal.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Targets and time-progress")
package cn.luoshi.target;
