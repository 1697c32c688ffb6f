package org.cailab.security;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.cailab.base.CailabProperties;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The server's secret for study links. A study link carries {@code key=<token>}, the HMAC-SHA256 of the campaign
 * (kind and id) under this secret: only someone who got the link from the researcher (Prolific puts it into the
 * study URL) can enter, and a token of one campaign opens no other. Prolific fills in the participant id itself
 * and cannot compute a per-participant value, so the token is per campaign; the participant's SESSION_ID binds
 * later entries of a participant (see {@link StudyLinkEntry}).
 *
 * <p>The secret comes from {@code CAILAB_STUDY_LINK_KEY} or else from {@code <data dir>/study-link.key}, generated
 * on the first start with owner-only permissions. Changing it invalidates every study link handed out.
 */
@Component
public class StudyLinkKey {

    private static final String FILE_NAME = "study-link.key";
    private final byte[] secret;

    StudyLinkKey(CailabProperties properties, @Value("${cailab.security.study-link-key:}") String configured) {
        this.secret = configured.isBlank()
                ? fromFile(properties.dataDir().resolve(FILE_NAME))
                : configured.getBytes(StandardCharsets.UTF_8);
    }

    /** The token of a campaign: {@code kind} names the feature ("comparison", "redteam"), so ids do not collide. */
    public String token(String kind, long campaignId) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            byte[] full = mac.doFinal((kind + ":" + campaignId).getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(java.util.Arrays.copyOf(full, 16));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }

    /** Whether {@code token} is the campaign's token (compared in constant time). */
    public boolean matches(String kind, long campaignId, String token) {
        return token != null
                && MessageDigest.isEqual(
                        token(kind, campaignId).getBytes(StandardCharsets.US_ASCII),
                        token.getBytes(StandardCharsets.UTF_8));
    }

    private static byte[] fromFile(Path file) {
        try {
            if (!Files.exists(file)) {
                Files.createDirectories(file.toAbsolutePath().getParent());
                byte[] fresh = new byte[32];
                new SecureRandom().nextBytes(fresh);
                try {
                    OwnerOnlyFiles.create(file);
                    Files.writeString(file, Base64.getEncoder().encodeToString(fresh) + "\n");
                } catch (FileAlreadyExistsException raced) {
                    // another instance on the same data directory wrote it first: use theirs
                }
            }
            return Base64.getDecoder().decode(Files.readString(file).strip());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read or create the study-link key " + file, e);
        }
    }
}
