package cn.luoshi.org;

/**
 * What the org module needs to know of the enterprise register to open enterprise accounts: whether a credit code
 * names a registered enterprise that a data scope covers. The enterprise module implements it.
 */
public interface EnterpriseRegister {

    /** True when an enterprise with this (normalised) credit code is registered and visible within {@code scope}. */
    boolean registeredWithin(String creditCode, DataScope scope);
}
