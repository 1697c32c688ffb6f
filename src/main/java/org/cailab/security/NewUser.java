package org.cailab.security;

/** What an admin enters to create a user. */
public record NewUser(String username, String password, Role role) {}
