package cn.luoshi.org;

import java.io.Serial;
import java.io.Serializable;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.springframework.security.core.CredentialsContainer;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/** The signed-in user as every module sees it: who, which unit, which roles, which data scope. */
public final class LuoshiUser implements UserDetails, CredentialsContainer, Serializable {

    @Serial
    private static final long serialVersionUID = 1L;

    private final long id;
    private final String username;
    private final String displayName;
    private final Long unitId;
    private final String unitName;
    private final Set<Role> roles;
    private final DataScope scope;
    private final boolean enabled;
    private final int credentialsVersion;
    private String passwordHash;
    private boolean signInLocked;

    public LuoshiUser(long id, String username, String displayName, Long unitId, String unitName, Set<Role> roles,
                      DataScope scope, boolean enabled, String passwordHash) {
        this(id, username, displayName, unitId, unitName, roles, scope, enabled, passwordHash, 0);
    }

    /** As signed in: {@code credentialsVersion} is the account's stamp then; a session under an older one ends. */
    public LuoshiUser(long id, String username, String displayName, Long unitId, String unitName, Set<Role> roles,
                      DataScope scope, boolean enabled, String passwordHash, int credentialsVersion) {
        this.id = id;
        this.credentialsVersion = credentialsVersion;
        this.username = username;
        this.displayName = displayName;
        this.unitId = unitId;
        this.unitName = unitName;
        this.roles = roles.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(roles));
        this.scope = scope;
        this.enabled = enabled;
        this.passwordHash = passwordHash;
    }

    public long id() {
        return id;
    }

    public String displayName() {
        return displayName;
    }

    public Long unitId() {
        return unitId;
    }

    public String unitName() {
        return unitName;
    }

    public Set<Role> roles() {
        return roles;
    }

    public int credentialsVersion() {
        return credentialsVersion;
    }

    /** The same user under the account's new stamp (after changing its own password). */
    public LuoshiUser withCredentialsVersion(int version) {
        return new LuoshiUser(id, username, displayName, unitId, unitName, roles, scope, enabled, null, version);
    }

    /** The same user refused at sign-in for now (too many wrong passwords): the password is not even tried. */
    public LuoshiUser withSignInLocked() {
        LuoshiUser locked = new LuoshiUser(id, username, displayName, unitId, unitName, roles, scope, enabled,
                passwordHash, credentialsVersion);
        locked.signInLocked = true;
        return locked;
    }

    @Override
    public boolean isAccountNonLocked() {
        return !signInLocked;
    }

    public DataScope scope() {
        return scope;
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }

    public boolean hasAny(Role... candidates) {
        for (Role role : candidates) {
            if (roles.contains(role)) {
                return true;
            }
        }
        return false;
    }

    public String creditCode() {
        return scope.creditCode();
    }

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        return roles.stream().map(r -> new SimpleGrantedAuthority(r.authority())).toList();
    }

    @Override
    public String getPassword() {
        return passwordHash;
    }

    @Override
    public String getUsername() {
        return username;
    }

    @Override
    public boolean isEnabled() {
        return enabled;
    }

    @Override
    public void eraseCredentials() {
        passwordHash = null;
    }

    public List<String> roleNames() {
        return roles.stream().map(Enum::name).sorted().toList();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof LuoshiUser other && other.id == id;
    }

    @Override
    public int hashCode() {
        return Long.hashCode(id);
    }

    @Override
    public String toString() {
        return username;
    }
}
