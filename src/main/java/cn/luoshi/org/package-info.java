/**
 * Org units (regions, departments, parks, grids), users, roles, data scope and sign-in. Other modules use
 * {@link cn.luoshi.org.OrgUnits}, {@link cn.luoshi.org.UserDirectory}, {@link cn.luoshi.org.LuoshiUser} and
 * {@link cn.luoshi.org.DataScope}; everything else is internal.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Org units, users and roles")
package cn.luoshi.org;
