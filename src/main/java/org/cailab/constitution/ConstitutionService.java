package org.cailab.constitution;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.cache.annotation.Cacheable;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Stored constitutions and their immutable, numbered versions: the transaction and role boundary of the
 * feature. Researchers and admins read; only admins save versions, import and choose the active version.
 *
 * <p>Saving never changes a version: it inserts the next number, with the version the editor started from as
 * its parent. When that parent is no longer the newest version, someone else saved in between and the save is
 * refused with a {@link VersionConflictException} (optimistic locking on the version history).
 */
@Service
@Transactional
public class ConstitutionService {

    /** Who "saved" what the application creates by itself, such as the default constitution. */
    public static final String SYSTEM_USER = "system";
    /** The constitution a run uses when it names none. */
    public static final String DEFAULT_CONSTITUTION = "default";
    /** The cache of version contents (immutable once saved). */
    static final String CONTENT_CACHE = "constitution-content";

    private static final Pattern NAMED_VERSION = Pattern.compile("(.+?)\\s+v(\\d+)");
    static final int MAX_COMMENT_LENGTH = 1000;
    static final int MAX_NAME_LENGTH = 100;

    private final ConstitutionRepository repository;
    private final ConstitutionImporter importer = new ConstitutionImporter();
    private final ConstitutionExporter exporter = new ConstitutionExporter();

    ConstitutionService(ConstitutionRepository repository) {
        this.repository = repository;
    }

    /** All constitutions with their active and latest versions, by name. */
    @PreAuthorize("hasAnyRole('RESEARCHER', 'ADMIN')")
    @Transactional(readOnly = true)
    public List<ConstitutionSummary> constitutions() {
        return repository.findAll();
    }

    /** One constitution. */
    @PreAuthorize("hasAnyRole('RESEARCHER', 'ADMIN')")
    @Transactional(readOnly = true)
    public ConstitutionSummary constitution(long constitutionId) {
        return repository
                .findById(constitutionId)
                .orElseThrow(
                        () -> new ConstitutionNotFoundException("No constitution with id " + constitutionId + "."));
    }

    /** The versions of a constitution, newest first. */
    @PreAuthorize("hasAnyRole('RESEARCHER', 'ADMIN')")
    @Transactional(readOnly = true)
    public List<ConstitutionVersionInfo> versions(long constitutionId) {
        return repository.findVersions(constitutionId);
    }

    /** One version with its content. */
    @PreAuthorize("hasAnyRole('RESEARCHER', 'ADMIN')")
    @Transactional(readOnly = true)
    public ConstitutionVersionView version(long versionId) {
        return load(versionId);
    }

    /**
     * The version a run's constitution reference names: a version id, {@code "name vN"}, or a constitution's name
     * (its active version); {@code null} means the constitution named {@value #DEFAULT_CONSTITUTION}. Names are
     * matched regardless of case.
     *
     * @throws ConstitutionEditException when nothing matches, saying what was looked for
     */
    @PreAuthorize("hasAnyRole('RESEARCHER', 'ADMIN')")
    @Transactional(readOnly = true)
    public ConstitutionVersionView resolve(@Nullable String reference) {
        String ref = reference == null ? DEFAULT_CONSTITUTION : reference.strip();
        if (!ref.isEmpty() && ref.chars().allMatch(Character::isDigit)) {
            return load(Long.parseLong(ref));
        }
        Matcher named = NAMED_VERSION.matcher(ref);
        if (named.matches()) {
            ConstitutionSummary constitution = named(named.group(1));
            int number = Integer.parseInt(named.group(2));
            return repository.findVersions(constitution.id()).stream()
                    .filter(v -> v.number() == number)
                    .findFirst()
                    .map(v -> load(v.id()))
                    .orElseThrow(() -> new ConstitutionEditException(
                            "Constitution \"" + constitution.name() + "\" has no version " + number + "."));
        }
        ConstitutionSummary constitution = named(ref);
        return activeVersion(constitution.id())
                .orElseThrow(() -> new ConstitutionEditException(
                        "Constitution \"" + constitution.name() + "\" has no active version; name a version."));
    }

    /**
     * The content of one version. Versions never change once saved, so the content is cached (Caffeine, see
     * {@code spring.cache.*}) for the run workers that read it for every item.
     */
    @PreAuthorize("hasAnyRole('RESEARCHER', 'ADMIN')")
    @Transactional(readOnly = true)
    @Cacheable(CONTENT_CACHE)
    public ConstitutionContent content(long versionId) {
        return load(versionId).content();
    }

    private ConstitutionSummary named(String name) {
        return constitutions().stream()
                .filter(c -> c.name().equalsIgnoreCase(name.strip()))
                .findFirst()
                .orElseThrow(() -> new ConstitutionEditException("There is no constitution \"" + name.strip()
                        + "\" (give a constitution name, \"name vN\" or a version id)."));
    }

    /** The version new runs of this constitution use, if one is marked active. */
    @PreAuthorize("hasAnyRole('RESEARCHER', 'ADMIN')")
    @Transactional(readOnly = true)
    public Optional<ConstitutionVersionView> activeVersion(long constitutionId) {
        return repository.findActiveVersionWithContent(constitutionId).map(ConstitutionService::view);
    }

    /** What changed from one version to another (they may belong to different constitutions). */
    @PreAuthorize("hasAnyRole('RESEARCHER', 'ADMIN')")
    @Transactional(readOnly = true)
    public ConstitutionDiff diff(long fromVersionId, long toVersionId) {
        return ConstitutionDiff.between(
                load(fromVersionId).content(), load(toVersionId).content());
    }

    /**
     * The exact prompt text a model receives for one principle of a version and a sample conversation.
     *
     * @throws IllegalArgumentException when the version has no such principle for that kind of prompt
     */
    @PreAuthorize("hasAnyRole('RESEARCHER', 'ADMIN')")
    @Transactional(readOnly = true)
    public String preview(long versionId, PromptKind kind, String principleKey, PromptSample sample) {
        return PromptPreview.render(load(versionId).content(), kind, principleKey, sample);
    }

    /** A version as a file in the given format, named so that the importer recognises it. */
    @PreAuthorize("hasAnyRole('RESEARCHER', 'ADMIN')")
    @Transactional(readOnly = true)
    public ExportedFile export(long versionId, ConstitutionFormat format) {
        ConstitutionVersionView version = load(versionId);
        return exportFile(version.ref(), version.content(), format);
    }

    /** Content (saved or not) as a file in the given format; for downloading unsaved edits. */
    public static ExportedFile exportFile(
            ConstitutionVersionRef basis, ConstitutionContent content, ConstitutionFormat format) {
        String text = new ConstitutionExporter().export(content, format);
        String base = basis.constitutionName().replaceAll("[^A-Za-z0-9._-]+", "_") + "-v" + basis.number();
        String fileName = switch (format) {
            case CAILAB_YAML -> base + ".yaml";
            case LLM_SWARM -> base + "-llm-swarm.json";
            default -> String.valueOf(format.paperFileName());
        };
        String type = format == ConstitutionFormat.CAILAB_YAML ? "application/yaml" : "application/json";
        return new ExportedFile(fileName, type + "; charset=utf-8", text.getBytes(StandardCharsets.UTF_8));
    }

    /** {@link #saveNewVersion(long, ConstitutionContent, String, boolean)} without making it active. */
    @PreAuthorize("hasRole('ADMIN')")
    public ConstitutionVersionInfo saveNewVersion(long parentVersionId, ConstitutionContent content, String comment) {
        return saveNewVersion(parentVersionId, content, comment, false);
    }

    /**
     * Saves edited content as the next version of the parent's constitution.
     *
     * @param parentVersionId the version the edit started from; must still be the newest
     * @param activate        whether new runs should use the new version
     * @throws VersionConflictException     when another version was saved after the parent
     * @throws InvalidConstitutionException when the content is not valid; nothing is saved
     */
    @PreAuthorize("hasRole('ADMIN')")
    public ConstitutionVersionInfo saveNewVersion(
            long parentVersionId, ConstitutionContent content, String comment, boolean activate) {
        ConstitutionVersionInfo parent = repository
                .findVersion(parentVersionId)
                .orElseThrow(() ->
                        new ConstitutionNotFoundException("No constitution version with id " + parentVersionId + "."));
        return append(parent, content, validComment(comment), activate);
    }

    /** Marks a version as the one new runs of its constitution use. */
    @PreAuthorize("hasRole('ADMIN')")
    public ConstitutionVersionInfo setActive(long versionId) {
        ConstitutionVersionInfo version = repository
                .findVersion(versionId)
                .orElseThrow(
                        () -> new ConstitutionNotFoundException("No constitution version with id " + versionId + "."));
        repository.setActiveVersion(version.constitutionId(), versionId);
        return repository.findVersion(versionId).orElseThrow();
    }

    /**
     * Imports a file as version 1 of a new, active constitution. All or nothing: a malformed file throws
     * {@link ConstitutionImportException} naming file, entry and problem, and nothing is saved.
     *
     * @param format the file's format, or {@code null} to detect it from the name or the content
     */
    @PreAuthorize("hasRole('ADMIN')")
    public ImportedVersion importAsNewConstitution(
            String name, String fileName, byte[] file, @Nullable ConstitutionFormat format, String comment) {
        String validName = validName(name);
        String validComment = validComment(comment);
        ImportResult result = importer.importText(fileName, utf8(fileName, file), format);
        ConstitutionVersionInfo version = create(validName, result.content(), validComment, currentUser())
                .orElseThrow(() ->
                        new ConstitutionEditException("A constitution named \"" + validName + "\" already exists."));
        return new ImportedVersion(version, result.notes());
    }

    /**
     * Imports a file as the next version of the parent's constitution. A file of our format replaces the whole
     * content; a file that holds only some parts (one of the paper's files, llm-swarm) replaces those parts and
     * keeps the rest of the parent. All or nothing, and refused like a save when the parent is not the newest.
     */
    @PreAuthorize("hasRole('ADMIN')")
    public ImportedVersion importAsNewVersion(
            long parentVersionId, String fileName, byte[] file, @Nullable ConstitutionFormat format, String comment) {
        String validComment = validComment(comment);
        String text = utf8(fileName, file);
        ConstitutionFormat actual = format != null ? format : importer.detectFormat(fileName, text);
        ImportResult result = importer.importText(fileName, text, actual);
        ConstitutionVersionView parent = load(parentVersionId);
        ConstitutionContent merged = ImportMerge.replaceParts(parent.content(), result.content(), actual);
        return new ImportedVersion(append(parent.info(), merged, validComment, false), result.notes());
    }

    /** Creates the named constitution from content unless it exists; for start-up, so no role check. */
    Optional<ConstitutionVersionInfo> createIfAbsent(String name, ConstitutionContent content, String comment) {
        return create(name, content, comment, SYSTEM_USER);
    }

    /** Whether any constitution is stored; for start-up, so no role check. */
    @Transactional(readOnly = true)
    boolean hasConstitutions() {
        return repository.count() > 0;
    }

    private Optional<ConstitutionVersionInfo> create(
            String name, ConstitutionContent content, String comment, String user) {
        requireValid(content);
        Optional<Long> id = repository.insertConstitution(name, user);
        if (id.isEmpty()) {
            return Optional.empty();
        }
        long versionId = repository.insertVersion(
                id.get(), 1, null, user, comment, ConstitutionJson.write(content), ConstitutionJson.sha256(content));
        repository.setActiveVersion(id.get(), versionId);
        return repository.findVersion(versionId);
    }

    private ConstitutionVersionInfo append(
            ConstitutionVersionInfo parent, ConstitutionContent content, String comment, boolean activate) {
        requireValid(content);
        // Saves of one constitution queue up on its row, so "is the parent still the newest?" cannot race.
        repository.lock(parent.constitutionId());
        ConstitutionVersionInfo latest =
                repository.findLatestVersion(parent.constitutionId()).orElseThrow();
        if (latest.id() != parent.id()) {
            throw new VersionConflictException(latest, parent.number());
        }
        long id;
        try {
            id = repository.insertVersion(
                    parent.constitutionId(),
                    latest.number() + 1,
                    parent.id(),
                    currentUser(),
                    comment,
                    ConstitutionJson.write(content),
                    ConstitutionJson.sha256(content));
        } catch (DuplicateKeyException e) {
            throw new ConstitutionEditException("Another version of \"" + parent.constitutionName()
                    + "\" was saved at the same moment; nothing was saved. Reload and try again.");
        }
        if (activate) {
            repository.setActiveVersion(parent.constitutionId(), id);
        }
        return repository.findVersion(id).orElseThrow();
    }

    private ConstitutionVersionView load(long versionId) {
        return repository
                .findVersionWithContent(versionId)
                .map(ConstitutionService::view)
                .orElseThrow(
                        () -> new ConstitutionNotFoundException("No constitution version with id " + versionId + "."));
    }

    private static ConstitutionVersionView view(ConstitutionRepository.StoredVersion stored) {
        return new ConstitutionVersionView(
                stored.info(),
                ConstitutionJson.read("stored version " + stored.info().ref().label(), stored.contentJson()));
    }

    private static void requireValid(ConstitutionContent content) {
        List<ValidationProblem> problems = ConstitutionValidator.validate(content);
        if (!problems.isEmpty()) {
            throw new InvalidConstitutionException(problems);
        }
    }

    private static String validComment(String comment) {
        String trimmed = comment == null ? "" : comment.strip();
        if (trimmed.isEmpty()) {
            throw new ConstitutionEditException("Say in a comment what this version changes.");
        }
        if (trimmed.length() > MAX_COMMENT_LENGTH) {
            throw new ConstitutionEditException("The comment must be at most " + MAX_COMMENT_LENGTH + " characters.");
        }
        return trimmed;
    }

    private static String validName(String name) {
        String trimmed = name == null ? "" : name.strip();
        if (trimmed.isEmpty() || trimmed.length() > MAX_NAME_LENGTH) {
            throw new ConstitutionEditException(
                    "A constitution name must have 1 to " + MAX_NAME_LENGTH + " characters.");
        }
        return trimmed;
    }

    private static String utf8(String fileName, byte[] file) {
        try {
            String text = StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(file))
                    .toString();
            return text.startsWith("\uFEFF") ? text.substring(1) : text;
        } catch (CharacterCodingException e) {
            throw new ConstitutionImportException(fileName, null, "is not UTF-8 text");
        }
    }

    private static String currentUser() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        return auth == null ? SYSTEM_USER : auth.getName();
    }
}
