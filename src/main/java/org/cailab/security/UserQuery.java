package org.cailab.security;

import org.jspecify.annotations.Nullable;

/**
 * A filter over accounts for the Users page.
 *
 * @param search   part of the user name (case-insensitive); empty matches every name
 * @param role     only accounts of this role, or null for all
 * @param accounts which kind of accounts: people an admin created, study participants (signed in by a study link),
 *                 or both
 */
public record UserQuery(String search, @Nullable Role role, Accounts accounts) {

    /** People created on the Users page, or participant accounts made by study links. */
    public enum Accounts {
        STAFF("Team accounts"),
        PARTICIPANTS("Study participants"),
        ALL("All accounts");

        private final String label;

        Accounts(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    public UserQuery {
        search = search == null ? "" : search.strip();
        accounts = accounts == null ? Accounts.ALL : accounts;
    }

    public static final UserQuery ALL = new UserQuery("", null, Accounts.ALL);
}
