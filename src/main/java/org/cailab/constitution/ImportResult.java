package org.cailab.constitution;

import java.util.List;

/**
 * What an import produced.
 *
 * @param content the imported constitution, valid by {@link ConstitutionValidator}
 * @param notes   deviations from the format that the importer tolerated and normalized, one line each
 *                naming file and entry; empty for a clean file
 */
public record ImportResult(ConstitutionContent content, List<String> notes) {

    public ImportResult {
        notes = List.copyOf(notes);
    }
}
