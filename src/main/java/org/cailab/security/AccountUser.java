package org.cailab.security;

import java.util.Collection;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.userdetails.User;

/**
 * The signed-in user as kept in the session: with the account's id and row version at sign-in, so that every
 * request can check that the account was not disabled, given another role or another password since
 * ({@link SessionFreshnessFilter}).
 */
final class AccountUser extends User {

    private final long accountId;
    private final int version;

    AccountUser(UserAccount account, String passwordHash, Collection<? extends GrantedAuthority> authorities) {
        super(account.username(), passwordHash, account.enabled(), true, true, true, authorities);
        this.accountId = account.id();
        this.version = account.version();
    }

    long accountId() {
        return accountId;
    }

    int version() {
        return version;
    }

    @Override
    public boolean equals(Object other) {
        return super.equals(other);
    }

    @Override
    public int hashCode() {
        return super.hashCode();
    }
}
