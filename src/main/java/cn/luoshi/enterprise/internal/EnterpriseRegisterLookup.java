package cn.luoshi.enterprise.internal;

import cn.luoshi.org.DataScope;
import cn.luoshi.org.EnterpriseRegister;
import org.springframework.stereotype.Component;

/** Tells the org module whether an enterprise lies in an administrator's scope, by the register's own visibility. */
@Component
class EnterpriseRegisterLookup implements EnterpriseRegister {

    private final EnterpriseRepository repository;

    EnterpriseRegisterLookup(EnterpriseRepository repository) {
        this.repository = repository;
    }

    @Override
    public boolean registeredWithin(String creditCode, DataScope scope) {
        return creditCode != null && repository.findByCreditCode(creditCode)
                .flatMap(e -> repository.findVisible(e.id(), scope))
                .isPresent();
    }
}
