package org.cailab.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class RunIdTest {

    @Test
    void readsAsTheBareNumberInTextAndJson() {
        RunId id = new RunId(3);
        // URLs and messages are built by concatenation: a record's default toString would print "RunId[value=3]"
        assertThat("runs/" + id).isEqualTo("runs/3");
        JsonMapper json = JsonMapper.builder().build();
        assertThat(json.writeValueAsString(id)).isEqualTo("3");
        assertThat(json.readValue("3", RunId.class)).isEqualTo(id);
    }

    @Test
    void sortsByNumberNotByText() {
        List<RunId> ids = new ArrayList<>(List.of(new RunId(10), new RunId(9), new RunId(100)));
        ids.sort(null);
        assertThat(ids).containsExactly(new RunId(9), new RunId(10), new RunId(100));
    }

    @Test
    void isNeverEqualToItsNumber() {
        // why every look-up in a Long-keyed map or comparison with a long needs value()
        assertThat(new RunId(3)).isNotEqualTo(3L);
        assertThat(new RunId(3).value()).isEqualTo(3L);
    }
}
