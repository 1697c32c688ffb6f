package org.cailab.constitution;

import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * Writes constitutions in every format the importer reads. Exporting then importing gives the same
 * content for our YAML; the other formats cannot hold everything (see each {@link ConstitutionFormat}):
 * disabled principles are left out, as are the parts a format has no place for.
 */
public final class ConstitutionExporter {

    /** The content in the given format, as file text (JSON is pretty-printed). */
    public String export(ConstitutionContent content, ConstitutionFormat format) {
        return switch (format) {
            case CAILAB_YAML -> CailabYamlWriter.write(content);
            case LLM_SWARM -> json(LlmSwarmFormat.write(content));
            default -> json(paperFile(content, format));
        };
    }

    /** The five paper files, by file name, in the order of {@link ConstitutionFormat}. */
    public Map<String, String> exportPaperFiles(ConstitutionContent content) {
        Map<String, String> files = new LinkedHashMap<>();
        for (ConstitutionFormat format : ConstitutionFormat.values()) {
            if (format.paperFileName() != null) {
                files.put(format.paperFileName(), export(content, format));
            }
        }
        return files;
    }

    /** One paper file as a JSON tree, for callers (and tests) that compare values rather than text. */
    static JsonNode paperFile(ConstitutionContent content, ConstitutionFormat format) {
        return switch (format) {
            case PAPER_SL_PRINCIPLES -> PaperPrincipleFiles.writeSl(content.slPrinciples());
            case PAPER_RL_PRINCIPLES -> PaperPrincipleFiles.writeRl(content.rlPrinciples());
            case PAPER_CRITIQUE_EXAMPLES -> PaperFewShotFiles.writeCritique(content.critiqueExamples());
            case PAPER_MC_EXAMPLES -> PaperFewShotFiles.writeMultipleChoice(content.mcExamples());
            case PAPER_COT_EXAMPLES -> PaperFewShotFiles.writeChainOfThought(content.cotExamples());
            case CAILAB_YAML, LLM_SWARM -> throw new IllegalArgumentException(format + " is not a paper file");
        };
    }

    private static String json(JsonNode node) {
        return Mappers.JSON.writerWithDefaultPrettyPrinter().writeValueAsString(node) + "\n";
    }
}
