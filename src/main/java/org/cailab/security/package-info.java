/**
 * Users, roles, login and the role checks that every feature's services use. Public API: {@link
 * org.cailab.security.UserService}, {@link org.cailab.security.Role}, {@link org.cailab.security.UserAccount}.
 */
@NullMarked
package org.cailab.security;

import org.jspecify.annotations.NullMarked;
