package org.cailab.constitution;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * Imports constitutions from our YAML format, the llm-swarm JSON and the paper's five files, detecting
 * the format from the file name or the content unless told. Imports are all-or-nothing: a problem
 * anywhere throws {@link ConstitutionImportException} naming file, entry and problem, and nothing is
 * returned. What is returned passes {@link ConstitutionValidator}.
 */
public final class ConstitutionImporter {

    /** Imports one file, detecting its format. */
    public ImportResult importFile(Path file) {
        return importFile(file, null);
    }

    /** Imports one file in the given format, or detecting it when {@code format} is {@code null}. */
    public ImportResult importFile(Path file, @Nullable ConstitutionFormat format) {
        String name = String.valueOf(file.getFileName());
        try {
            return importText(name, Files.readString(file, StandardCharsets.UTF_8), format);
        } catch (IOException e) {
            throw new ConstitutionImportException(name, null, "cannot be read (" + e + ")");
        }
    }

    /**
     * Imports a file's text.
     *
     * @param fileName the name to detect the format by and to report problems under
     * @param format   the format, or {@code null} to detect it
     */
    public ImportResult importText(String fileName, String text, @Nullable ConstitutionFormat format) {
        ImportContext context = new ImportContext(fileName);
        JsonNode root = parse(context, text, format);
        ConstitutionFormat actual = format != null ? format : detect(context, root);
        ConstitutionContent content = switch (actual) {
            case CAILAB_YAML -> CailabYamlReader.read(context, root);
            case LLM_SWARM -> LlmSwarmFormat.read(context, root);
            case PAPER_SL_PRINCIPLES ->
                only(PaperPrincipleFiles.readSl(context, root), List.of(), List.of(), List.of(), List.of());
            case PAPER_RL_PRINCIPLES ->
                only(List.of(), PaperPrincipleFiles.readRl(context, root), List.of(), List.of(), List.of());
            case PAPER_CRITIQUE_EXAMPLES ->
                only(List.of(), List.of(), PaperFewShotFiles.readCritique(context, root), List.of(), List.of());
            case PAPER_MC_EXAMPLES ->
                only(List.of(), List.of(), List.of(), PaperFewShotFiles.readMultipleChoice(context, root), List.of());
            case PAPER_COT_EXAMPLES ->
                only(List.of(), List.of(), List.of(), List.of(), PaperFewShotFiles.readChainOfThought(context, root));
        };
        return new ImportResult(content, context.notes());
    }

    /**
     * Imports several files (of any formats) into one constitution, in the given order. Principle keys must
     * be unique across the files.
     */
    public ImportResult importFiles(List<Path> files) {
        ConstitutionContent content = ConstitutionContent.empty();
        List<String> notes = new ArrayList<>();
        Set<String> slKeys = new HashSet<>();
        Set<String> rlKeys = new HashSet<>();
        for (Path file : files) {
            ImportResult result = importFile(file);
            String name = String.valueOf(file.getFileName());
            result.content().slPrinciples().forEach(p -> requireNew(slKeys, p.key(), name, "SL principle"));
            result.content().rlPrinciples().forEach(p -> requireNew(rlKeys, p.key(), name, "RL principle"));
            content = content.plus(result.content());
            notes.addAll(result.notes());
        }
        return new ImportResult(content, notes);
    }

    /**
     * Imports those of the paper's five files that a directory holds (at least one), principles and
     * few-shots together, in the order of {@link ConstitutionFormat}.
     */
    public ImportResult importPaperDirectory(Path directory) {
        List<Path> files = new ArrayList<>();
        for (ConstitutionFormat format : ConstitutionFormat.values()) {
            if (format.paperFileName() != null && Files.isRegularFile(directory.resolve(format.paperFileName()))) {
                files.add(directory.resolve(format.paperFileName()));
            }
        }
        if (files.isEmpty()) {
            throw new ConstitutionImportException(
                    String.valueOf(directory),
                    null,
                    "holds none of the paper's files (CritiqueRevisionInstructions.json, RLMadisonInstructions.json, ...)");
        }
        return importFiles(files);
    }

    /**
     * The format of a file: by its name where that is telling (the paper's file names, {@code .yaml}),
     * else by the shape of its content.
     *
     * @throws ConstitutionImportException when the content cannot be parsed or has no known shape
     */
    public ConstitutionFormat detectFormat(String fileName, String text) {
        ConstitutionFormat byName = FormatDetector.byName(fileName);
        if (byName != null) {
            return byName;
        }
        ImportContext context = new ImportContext(fileName);
        return detect(context, parse(context, text, null));
    }

    private static ConstitutionFormat detect(ImportContext context, JsonNode root) {
        ConstitutionFormat byName = FormatDetector.byName(context.file());
        ConstitutionFormat format = byName != null ? byName : FormatDetector.byContent(root);
        if (format == null) {
            throw context.fail(null, "is in no format this application knows; name the format explicitly");
        }
        return format;
    }

    /** JSON for JSON-looking text and every JSON format; YAML otherwise. */
    private static JsonNode parse(ImportContext context, String text, @Nullable ConstitutionFormat format) {
        String start = text.stripLeading();
        boolean json = format != null
                ? format != ConstitutionFormat.CAILAB_YAML
                : start.startsWith("{") || start.startsWith("[");
        try {
            JsonNode root = json ? Mappers.JSON.readTree(text) : Mappers.YAML.readTree(text);
            if (root == null || root.isMissingNode() || root.isNull()) {
                throw context.fail(null, "is empty");
            }
            return root;
        } catch (JacksonException e) {
            throw context.fail(null, "is not valid " + (json ? "JSON" : "YAML") + ": " + e.getOriginalMessage());
        }
    }

    private static ConstitutionContent only(
            List<SlPrinciple> sl,
            List<RlPrinciple> rl,
            List<CritiqueRevisionExample> critique,
            List<MultipleChoiceExample> mc,
            List<ChainOfThoughtExample> cot) {
        return new ConstitutionContent(sl, rl, critique, mc, cot);
    }

    private static void requireNew(Set<String> keys, String key, String file, String kind) {
        if (!keys.add(key)) {
            throw new ConstitutionImportException(
                    file, "key " + key, kind + " key \"" + key + "\" is already used by an earlier file");
        }
    }
}
