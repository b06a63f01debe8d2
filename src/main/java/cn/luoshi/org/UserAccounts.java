package cn.luoshi.org;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import cn.luoshi.common.CreditCode;
import cn.luoshi.common.error.DomainException;
import cn.luoshi.common.error.FieldProblem;
import cn.luoshi.common.events.AuditRecord;
import cn.luoshi.common.web.PageResponse;
import cn.luoshi.common.web.Paging;
import cn.luoshi.org.internal.InitialPassword;
import cn.luoshi.org.internal.OrgUnitRepository;
import cn.luoshi.org.internal.PasswordPolicy;
import cn.luoshi.org.internal.UserRepository;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.StringUtils;

/** Opening, editing and disabling accounts; who may see which account follows the data scope. */
@Service
public class UserAccounts {

    private static final Pattern USERNAME = Pattern.compile("[A-Za-z0-9_.\\-]{2,64}");
    public static final int MIN_PASSWORD_LENGTH = 8;

    private final UserRepository users;
    private final OrgUnitRepository units;
    private final PasswordEncoder passwords;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final ObjectProvider<EnterpriseRegister> register;
    private final InitialPassword initialPassword;

    UserAccounts(UserRepository users, OrgUnitRepository units, PasswordEncoder passwords,
                 ApplicationEventPublisher events, Clock clock, ObjectProvider<EnterpriseRegister> register,
                 InitialPassword initialPassword) {
        this.register = register;
        this.initialPassword = initialPassword;
        this.users = users;
        this.units = units;
        this.passwords = passwords;
        this.events = events;
        this.clock = clock;
    }

    public PageResponse<UserAccount> list(DataScope scope, String q, Role role, Long unitId, Paging paging) {
        return users.page(scope, StringUtils.hasText(q) ? q.strip() : null, role, unitId, paging);
    }

    public UserAccount get(long id, DataScope scope) {
        return users.find(id).filter(u -> visible(u, scope))
                .orElseThrow(() -> DomainException.notFound("org.user", id));
    }

    public Optional<UserAccount> findByUsername(String username) {
        return users.findByUsername(username).map(UserRepository.StoredUser::account);
    }

    private boolean visible(UserAccount user, DataScope scope) {
        if (scope.global()) {
            return true;
        }
        return user.unitId() != null && units.find(user.unitId()).map(scope::covers).orElse(false);
    }

    @Transactional
    public UserAccount create(NewUser cmd, LuoshiUser actor) {
        requireAdmin(actor);
        List<FieldProblem> problems = new ArrayList<>();
        validateProfile(cmd.displayName(), cmd.unitId(), cmd.scopeUnitId(), cmd.roles(), cmd.creditCode(), actor,
                problems);
        if (cmd.username() == null || !USERNAME.matcher(cmd.username()).matches()) {
            problems.add(new FieldProblem("username", "org.error.usernameFormat"));
        } else if (users.findByUsername(cmd.username()).isPresent()) {
            problems.add(new FieldProblem("username", "org.error.usernameTaken", cmd.username()));
        }
        checkPassword(cmd.password(), cmd.username(), "password", problems);
        if (!problems.isEmpty()) {
            throw DomainException.invalidFields(problems);
        }
        return insert(cmd);
    }

    /** For the demo city: trusted input, no actor, the demo users' own password (never the admin's). */
    @Transactional
    public UserAccount createDemo(NewUser cmd) {
        return insert(new NewUser(cmd.username(), cmd.displayName(), initialPassword.demoValue(), cmd.unitId(),
                cmd.scopeUnitId(), cmd.roles(), cmd.creditCode(), cmd.phone()));
    }

    /** For bootstrap and demo data: trusted input, no actor. */
    @Transactional
    public UserAccount createSystem(NewUser cmd) {
        return insert(cmd);
    }

    private UserAccount insert(NewUser cmd) {
        long id = users.insert(cmd.username().strip(), cmd.displayName().strip(), passwords.encode(cmd.password()),
                cmd.unitId(), cmd.scopeUnitId(), CreditCode.normalise(blankToNull(cmd.creditCode())), blankToNull(cmd.phone()),
                EnumSet.copyOf(cmd.roles()));
        UserAccount created = users.find(id).orElseThrow();
        events.publishEvent(new AuditRecord("org.user.created", "User", String.valueOf(id), created.unitId(),
                "新建用户「" + created.username() + "」", null, created));
        return created;
    }

    @Transactional
    public UserAccount update(long id, UserChanges changes, LuoshiUser actor) {
        requireAdmin(actor);
        UserAccount before = get(id, actor.scope());
        List<FieldProblem> problems = new ArrayList<>();
        validateProfile(changes.displayName(), changes.unitId(), changes.scopeUnitId(), changes.roles(),
                changes.creditCode(), actor, problems);
        if (before.id() == actor.id() && (!changes.enabled() || !changes.roles().contains(Role.ADMIN))) {
            problems.add(new FieldProblem("roles", "org.error.cannotDemoteSelf"));
        }
        if (!problems.isEmpty()) {
            throw DomainException.invalidFields(problems);
        }
        if (!users.update(id, changes.displayName().strip(), changes.unitId(), changes.scopeUnitId(),
                CreditCode.normalise(blankToNull(changes.creditCode())), blankToNull(changes.phone()), changes.enabled(),
                changes.version())) {
            throw DomainException.staleVersion(before.username());
        }
        users.replaceRoles(id, EnumSet.copyOf(changes.roles()));
        UserAccount after = users.find(id).orElseThrow();
        if (!Objects.equals(before.roles(), after.roles()) || !Objects.equals(before.unitId(), after.unitId())
                || !Objects.equals(before.scopeUnitId(), after.scopeUnitId())
                || !Objects.equals(before.creditCode(), after.creditCode()) || before.enabled() != after.enabled()) {
            // What the user's sessions were signed in as no longer holds: they end on their next request.
            users.bumpCredentials(id);
        }
        if (before.enabled() && !after.enabled()) {
            users.revokeTokens(id, OffsetDateTime.now(clock));
        }
        events.publishEvent(new AuditRecord("org.user.updated", "User", String.valueOf(id), after.unitId(),
                "修改用户「" + after.username() + "」", before, after));
        return after;
    }

    @Transactional
    public void resetPassword(long id, String newPassword, LuoshiUser actor) {
        requireAdmin(actor);
        UserAccount user = get(id, actor.scope());
        List<FieldProblem> problems = new ArrayList<>();
        checkPassword(newPassword, user.username(), "password", problems);
        if (!problems.isEmpty()) {
            throw DomainException.invalidFields(problems);
        }
        users.setPassword(id, passwords.encode(newPassword));
        users.bumpCredentials(id);
        users.revokeTokens(id, OffsetDateTime.now(clock));
        events.publishEvent(new AuditRecord("org.user.passwordReset", "User", String.valueOf(id), user.unitId(),
                "重置用户「" + user.username() + "」的密码", null, null));
    }

    /**
     * Changes the actor's own password and ends its other sessions; returns the account's new stamp, under which the
     * caller keeps its own session signed in.
     */
    @Transactional
    public int changeOwnPassword(LuoshiUser actor, String currentPassword, String newPassword) {
        var stored = users.findByUsername(actor.getUsername()).orElseThrow();
        List<FieldProblem> problems = new ArrayList<>();
        if (currentPassword == null || !passwords.matches(currentPassword, stored.passwordHash())) {
            problems.add(new FieldProblem("currentPassword", "org.error.wrongPassword"));
        }
        checkPassword(newPassword, actor.getUsername(), "newPassword", problems);
        if (!problems.isEmpty()) {
            throw DomainException.invalidFields(problems);
        }
        users.setPassword(actor.id(), passwords.encode(newPassword));
        int stamp = users.bumpCredentials(actor.id());
        events.publishEvent(new AuditRecord("org.user.passwordChanged", "User", String.valueOf(actor.id()),
                actor.unitId(), "用户「" + actor.getUsername() + "」修改了自己的密码", null, null));
        return stamp;
    }

    public void recordLogin(String username) {
        users.touchLogin(username, OffsetDateTime.now(clock));
    }

    public long count() {
        return users.count();
    }

    private void validateProfile(String displayName, Long unitId, Long scopeUnitId, Set<Role> roles,
                                 String creditCode, LuoshiUser actor, List<FieldProblem> problems) {
        if (!StringUtils.hasText(displayName)) {
            problems.add(new FieldProblem("displayName", "validation.NotBlank"));
        } else if (displayName.strip().length() > 100) {
            problems.add(new FieldProblem("displayName", "validation.tooLong", 100));
        }
        if (roles == null || roles.isEmpty()) {
            problems.add(new FieldProblem("roles", "org.error.rolesRequired"));
        } else {
            if (roles.contains(Role.ENTERPRISE) && !StringUtils.hasText(creditCode)) {
                problems.add(new FieldProblem("creditCode", "org.error.creditCodeRequired"));
            }
            if (roles.contains(Role.ENTERPRISE) && roles.size() > 1) {
                problems.add(new FieldProblem("roles", "org.error.enterpriseAlone"));
            }
            if (!roles.contains(Role.ENTERPRISE) && unitId == null && !roles.contains(Role.ADMIN)) {
                problems.add(new FieldProblem("unitId", "org.error.unitRequired"));
            }
        }
        if (creditCode != null && !creditCode.isBlank() && !CreditCode.isValid(CreditCode.normalise(creditCode))) {
            problems.add(new FieldProblem("creditCode", "org.error.creditCodeInvalid"));
        }
        checkUnitInScope(unitId, "unitId", actor, problems);
        checkUnitInScope(scopeUnitId, "scopeUnitId", actor, problems);
        if (!actor.scope().global() && roles != null && !roles.isEmpty()) {
            if (roles.contains(Role.ENTERPRISE)) {
                checkEnterpriseInScope(creditCode, actor, problems);
            } else if (roles.contains(Role.ADMIN) && unitId == null && scopeUnitId == null) {
                // An administrator without a unit sees the whole system: only a global administrator opens one.
                throw DomainException.forbidden("org.error.globalOnlyByGlobal");
            }
        }
    }

    /** A scoped administrator opens enterprise accounts only for enterprises of the register within its scope. */
    private void checkEnterpriseInScope(String creditCode, LuoshiUser actor, List<FieldProblem> problems) {
        if (!StringUtils.hasText(creditCode) || !CreditCode.isValid(CreditCode.normalise(creditCode))) {
            return;
        }
        String code = CreditCode.normalise(creditCode);
        EnterpriseRegister enterprises = register.getIfAvailable();
        if (enterprises == null || !enterprises.registeredWithin(code, actor.scope())) {
            problems.add(new FieldProblem("creditCode", "org.error.enterpriseOutOfScope", code));
        }
    }

    private void checkUnitInScope(Long unitId, String field, LuoshiUser actor, List<FieldProblem> problems) {
        if (unitId != null && units.find(unitId).filter(actor.scope()::covers).isEmpty()) {
            problems.add(new FieldProblem(field, "org.error.unitOutOfScope", unitId));
        }
    }

    private static void checkPassword(String password, String username, String field, List<FieldProblem> problems) {
        if (password == null || password.length() < MIN_PASSWORD_LENGTH) {
            problems.add(new FieldProblem(field, "org.error.passwordTooShort", MIN_PASSWORD_LENGTH));
        } else if (password.chars().noneMatch(Character::isLetter) || password.chars().noneMatch(Character::isDigit)) {
            problems.add(new FieldProblem(field, "org.error.passwordWeak"));
        } else {
            PasswordPolicy.refusal(password, username).ifPresent(code -> problems.add(new FieldProblem(field, code)));
        }
    }

    private static void requireAdmin(LuoshiUser actor) {
        if (!actor.has(Role.ADMIN)) {
            throw DomainException.forbidden("error.forbidden");
        }
    }

    private static String blankToNull(String s) {
        return StringUtils.hasText(s) ? s.strip() : null;
    }
}
