package org.cailab.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * API keys with which scripts read ratings ({@code GET /api/ratings}) without a browser session. Researchers and
 * admins create keys for themselves; a key acts with its owner's role at the time of each request, so a key of a
 * user who lost the researcher role or was disabled stops working. Only the SHA-256 of a key is stored; the key is
 * shown once. Admins see and may revoke everybody's keys.
 */
@Service
@Transactional
public class ApiKeyService {

    /** Marks our keys, so that secret scanners and people recognise them. */
    static final String KEY_PREFIX = "cai_";

    private static final Pattern KEY_FORMAT = Pattern.compile("cai_[A-Za-z0-9_-]{43}");
    private static final SecureRandom RANDOM = new SecureRandom();

    private final ApiKeyRepository keys;

    ApiKeyService(ApiKeyRepository keys) {
        this.keys = keys;
    }

    /** Creates a key that reads ratings and datasets and does not expire (see the full form). */
    @PreAuthorize("hasAnyRole('RESEARCHER', 'ADMIN')")
    public CreatedApiKey create(String name) {
        return create(name, EnumSet.of(ApiKeyScope.READ_RATINGS, ApiKeyScope.READ_DATASETS), null);
    }

    /**
     * Creates a key for the signed-in user; the returned secret is not stored and cannot be shown again.
     *
     * @param scopes    what the key may be used for (at least one)
     * @param expiresAt when it stops working by itself (in the future), or null for never
     */
    @PreAuthorize("hasAnyRole('RESEARCHER', 'ADMIN')")
    public CreatedApiKey create(String name, Set<ApiKeyScope> scopes, @Nullable OffsetDateTime expiresAt) {
        String label = name == null ? "" : name.strip();
        if (label.isEmpty() || label.length() > 100) {
            throw new ApiKeyException(
                    "Give the key a name of 1 to 100 characters, for example the script that uses it.");
        }
        if (scopes == null || scopes.isEmpty()) {
            throw new ApiKeyException("Choose at least one thing the key may do.");
        }
        if (expiresAt != null && !expiresAt.isAfter(OffsetDateTime.now())) {
            throw new ApiKeyException(
                    "The expiry must be in the future (or left empty for a key that does not expire).");
        }
        byte[] random = new byte[32];
        RANDOM.nextBytes(random);
        String secret = KEY_PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        ApiKey key = keys.insert(
                currentUsername(),
                label,
                hash(secret),
                secret.substring(0, KEY_PREFIX.length() + 6),
                scopes,
                expiresAt);
        return new CreatedApiKey(key, secret);
    }

    /** The signed-in user's keys, or everybody's for an admin; newest first. */
    @PreAuthorize("hasAnyRole('RESEARCHER', 'ADMIN')")
    @Transactional(readOnly = true)
    public List<ApiKey> keys() {
        return keys.find(isAdmin() ? null : currentUsername());
    }

    /** Revokes a key at once; its owner or an admin may. */
    @PreAuthorize("hasAnyRole('RESEARCHER', 'ADMIN')")
    public void revoke(long id) {
        ApiKey key = keys.findById(id)
                .filter(k -> isAdmin() || k.owner().equalsIgnoreCase(currentUsername()))
                .orElseThrow(() -> new ApiKeyException("There is no such API key."));
        keys.revoke(key.id());
    }

    /**
     * Installs a key given in the configuration ({@code CAILAB_ADMIN_API_KEY}) for the first admin, for automation
     * and first set-up. Only its hash is stored, like any other key; it is listed on the keys page and can be revoked,
     * and a revoked one is not brought back at the next start. No role check: called once at start-up.
     *
     * @return the key when it was installed now; empty when it existed already
     */
    Optional<ApiKey> installForFirstAdmin(String secret) {
        if (!KEY_FORMAT.matcher(secret).matches()) {
            throw new ApiKeyException("CAILAB_ADMIN_API_KEY must look like our keys: 'cai_' and 43 characters of"
                    + " A-Z a-z 0-9 _ - (e.g. echo cai_$(openssl rand -base64 32 | tr '+/' '-_' | tr -d '=')).");
        }
        String hash = hash(secret);
        if (keys.exists(hash)) {
            return Optional.empty();
        }
        String admin = keys.firstAdmin()
                .orElseThrow(() ->
                        new ApiKeyException("CAILAB_ADMIN_API_KEY is set but there is no enabled admin to own it."));
        return Optional.of(keys.insert(
                admin,
                "CAILAB_ADMIN_API_KEY",
                hash,
                secret.substring(0, KEY_PREFIX.length() + 6),
                java.util.EnumSet.allOf(ApiKeyScope.class),
                null));
    }

    /**
     * The user name of the owner of an active key, for the API's authentication filter (before anyone is signed in,
     * hence no role check here; the filter then loads the owner's current roles).
     */
    Optional<ApiKeyRepository.KeyUse> ownerOf(String secret) {
        if (!KEY_FORMAT.matcher(secret).matches()) {
            return Optional.empty();
        }
        return keys.useActive(hash(secret));
    }

    static String hash(String secret) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this Java runtime", e);
        }
    }

    private static String currentUsername() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth == null) {
            throw new ApiKeyException("Not signed in.");
        }
        return auth.getName();
    }

    private static boolean isAdmin() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        return auth != null && auth.getAuthorities().stream().anyMatch(a -> "ROLE_ADMIN".equals(a.getAuthority()));
    }
}
