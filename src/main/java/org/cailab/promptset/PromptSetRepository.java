package org.cailab.promptset;

import java.util.List;
import java.util.Optional;

/** Persistence of prompt sets; used only inside {@link PromptSetService}'s transactions. */
interface PromptSetRepository {

    /** Inserts the set's header; empty when the name is taken (case-insensitively). */
    Optional<Long> insertSet(PromptImport request, PromptParser.Parsed parsed, String createdBy);

    void insertPrompts(long setId, List<PromptParser.ParsedPrompt> prompts);

    Optional<PromptSet> findById(long id);

    List<PromptSet> findAll();

    List<Prompt> findPrompts(long setId, int offset, int limit);

    boolean delete(long id);
}
