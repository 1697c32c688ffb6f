package org.cailab.pipeline;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** The run types of this app: every {@link RunStage} bean, by type. */
@Component
class RunStages {

    private final Map<String, RunStage> byType = new LinkedHashMap<>();

    RunStages(List<RunStage> stages) {
        for (RunStage stage : stages) {
            RunStage other = byType.putIfAbsent(stage.type(), stage);
            if (other != null) {
                throw new IllegalStateException("Two run stages have the type '" + stage.type() + "': "
                        + other.getClass().getName() + " and "
                        + stage.getClass().getName());
            }
        }
    }

    Optional<RunStage> find(String type) {
        return Optional.ofNullable(byType.get(type));
    }

    List<RunTypeInfo> infos() {
        return byType.values().stream()
                .map(s -> new RunTypeInfo(
                        s.type(),
                        s.label(),
                        s.description(),
                        s.inputs(),
                        s.itemsLabel(),
                        s.parameters(),
                        s.defaultExecution()))
                .sorted(Comparator.comparing(RunTypeInfo::label))
                .toList();
    }
}
