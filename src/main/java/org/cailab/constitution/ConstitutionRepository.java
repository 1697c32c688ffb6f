package org.cailab.constitution;

import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/** Persistence of constitutions and their versions; used only inside {@link ConstitutionService}'s transactions. */
interface ConstitutionRepository {

    /** A version's metadata and its stored JSON content. */
    record StoredVersion(ConstitutionVersionInfo info, String contentJson) {}

    long count();

    List<ConstitutionSummary> findAll();

    Optional<ConstitutionSummary> findById(long constitutionId);

    /** Locks the constitution's row until the transaction ends, so that saves of one constitution queue up. */
    boolean lock(long constitutionId);

    /** Inserts a constitution without versions; empty when the name is taken (case-insensitively). */
    Optional<Long> insertConstitution(String name, String createdBy);

    /** Inserts a version; returns its id. Fails with a duplicate key when the number is taken. */
    long insertVersion(
            long constitutionId,
            int number,
            @Nullable Long parentVersionId,
            String createdBy,
            String comment,
            String contentJson,
            String contentSha256);

    void setActiveVersion(long constitutionId, long versionId);

    Optional<ConstitutionVersionInfo> findVersion(long versionId);

    Optional<StoredVersion> findVersionWithContent(long versionId);

    Optional<StoredVersion> findActiveVersionWithContent(long constitutionId);

    /** The versions of a constitution, newest first. */
    List<ConstitutionVersionInfo> findVersions(long constitutionId);

    Optional<ConstitutionVersionInfo> findLatestVersion(long constitutionId);
}
