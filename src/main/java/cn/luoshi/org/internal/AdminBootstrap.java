package cn.luoshi.org.internal;

import java.util.Set;

import cn.luoshi.org.NewUser;
import cn.luoshi.org.Role;
import cn.luoshi.org.UserAccounts;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/** An empty database gets its first account, {@code admin}, so someone can sign in and set the rest up. */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class AdminBootstrap implements ApplicationRunner {

    private final UserAccounts accounts;
    private final InitialPassword password;
    private final TransactionTemplate transactions;
    private final JdbcClient jdbc;

    AdminBootstrap(UserAccounts accounts, InitialPassword password, TransactionTemplate transactions,
                   JdbcClient jdbc) {
        this.accounts = accounts;
        this.password = password;
        this.transactions = transactions;
        this.jdbc = jdbc;
    }

    @Override
    public void run(ApplicationArguments args) {
        transactions.executeWithoutResult(status -> {
            // Two nodes starting on one empty database must not both create an admin.
            jdbc.sql("select pg_advisory_xact_lock(7215101)").query().singleValue();
            if (accounts.count() == 0) {
                accounts.createSystem(new NewUser("admin", "系统管理员", password.value(), null, null,
                        Set.of(Role.ADMIN), null, null));
            }
        });
    }
}
