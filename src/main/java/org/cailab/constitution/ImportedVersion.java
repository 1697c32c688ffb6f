package org.cailab.constitution;

import java.util.List;

/**
 * The version an import saved.
 *
 * @param version the new version
 * @param notes   deviations from the format that the importer tolerated, one line each (see {@link ImportResult})
 */
public record ImportedVersion(ConstitutionVersionInfo version, List<String> notes) {

    public ImportedVersion {
        notes = List.copyOf(notes);
    }
}
