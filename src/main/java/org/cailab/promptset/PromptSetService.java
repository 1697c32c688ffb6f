package org.cailab.promptset;

import java.io.InputStream;
import java.util.List;
import java.util.Optional;
import org.cailab.security.Role;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Imports and reads prompt sets; the transaction and role boundary for them. Researchers (and admins) import,
 * read and delete sets. An import is all-or-nothing: the file is read completely first, and a bad line stops it
 * with a {@link PromptImportException} naming the line before anything is stored.
 */
@Service
@Transactional
public class PromptSetService {

    static final int MAX_NAME_LENGTH = 200;

    private final PromptSetRepository sets;

    PromptSetService(PromptSetRepository sets) {
        this.sets = sets;
    }

    /** Reads {@code data} in the given format, de-duplicates the prompts and stores them as a new set. */
    @PreAuthorize("hasRole('" + Role.RESEARCHER_ROLE + "')")
    public PromptSet importPrompts(PromptImport request, InputStream data) {
        if (request.name().isEmpty() || request.name().length() > MAX_NAME_LENGTH) {
            throw new PromptImportException("Give the prompt set a name of 1-" + MAX_NAME_LENGTH + " characters.");
        }
        PromptParser.Parsed parsed = PromptParser.parse(data, request.format(), request.extraction());
        long id = sets.insertSet(request, parsed, currentUsername())
                .orElseThrow(
                        () -> new PromptImportException("A prompt set named '" + request.name() + "' already exists."));
        sets.insertPrompts(id, parsed.prompts());
        return sets.findById(id).orElseThrow();
    }

    /** All sets, newest first. */
    @PreAuthorize("hasRole('" + Role.RESEARCHER_ROLE + "')")
    @Transactional(readOnly = true)
    public List<PromptSet> findAll() {
        return sets.findAll();
    }

    @PreAuthorize("hasRole('" + Role.RESEARCHER_ROLE + "')")
    @Transactional(readOnly = true)
    public Optional<PromptSet> find(long id) {
        return sets.findById(id);
    }

    /** A page of a set's prompts in import order ({@code offset} counts from 0). */
    @PreAuthorize("hasRole('" + Role.RESEARCHER_ROLE + "')")
    @Transactional(readOnly = true)
    public List<Prompt> prompts(long setId, int offset, int limit) {
        return sets.findPrompts(setId, Math.max(0, offset), Math.clamp(limit, 0, 10_000));
    }

    /** Every prompt of a set in import order, for planning a run over it. */
    @PreAuthorize("hasRole('" + Role.RESEARCHER_ROLE + "')")
    @Transactional(readOnly = true)
    public List<Prompt> allPrompts(long setId) {
        return sets.findPrompts(setId, 0, Integer.MAX_VALUE);
    }

    /** Deletes a set and its prompts. Runs keep their own copy of the prompts they worked on. */
    @PreAuthorize("hasRole('" + Role.RESEARCHER_ROLE + "')")
    public boolean delete(long id) {
        return sets.delete(id);
    }

    private static String currentUsername() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        return auth == null ? "unknown" : auth.getName();
    }
}
