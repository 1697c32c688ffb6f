package org.cailab.constitution.ui;

import java.io.Serializable;
import org.cailab.constitution.ConstitutionFormat;

/** Labels of the export formats, and the format a download link should use. */
final class ExportFormats {

    private ExportFormats() {}

    static String label(ConstitutionFormat format) {
        return switch (format) {
            case CAILAB_YAML -> "Our YAML (everything)";
            case LLM_SWARM -> "llm-swarm JSON";
            default -> "Paper: " + format.paperFileName();
        };
    }

    /**
     * The chosen format, read when the download request arrives (outside the UI's lock, so not from the Select).
     */
    static final class Choice implements Serializable {
        private volatile ConstitutionFormat format;

        Choice(ConstitutionFormat format) {
            this.format = format;
        }

        void set(ConstitutionFormat format) {
            this.format = format;
        }

        ConstitutionFormat get() {
            return format;
        }
    }
}
