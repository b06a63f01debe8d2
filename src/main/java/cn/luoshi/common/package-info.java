/**
 * Shared infrastructure every module may use: configuration, the embedded database, API conventions
 * (paging, problem details), demo-data plumbing and cluster-wide job claims. Holds no domain of its own.
 */
@org.springframework.modulith.ApplicationModule(type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package cn.luoshi.common;
