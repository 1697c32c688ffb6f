package org.cailab.dashboard.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.cailab.training.PmRoundScore;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class PmScoreChartOptionTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void aPointPerRoundWithWhiskersWhereThereIsAnInterval() {
        List<PmRoundScore> rounds = List.of(
                new PmRoundScore(0, 5, 1, -0.5, 0.2, -0.75, -0.25),
                new PmRoundScore(1, 5, 0, 0.1, 0.3, -0.27, 0.47),
                new PmRoundScore(2, 1, 0, 0.4, 0, null, null));
        JsonNode option =
                JSON.readTree(PmScoreChartOption.of("PM score", rounds).toString());
        JsonNode line = option.get("series").get(0);
        assertThat(line.get("data")).hasSize(3);
        assertThat(line.get("data").get(0).get("name").asString()).isEqualTo("initial responses");
        assertThat(line.get("data").get(2).get("value").toString()).isEqualTo("[2,0.4]");
        assertThat(line.get("data").get(0).get("tooltip").toString())
                .contains("95%: -0.750 to -0.250")
                .contains("1 responses stopped at the token limit");
        assertThat(line.get("data").get(2).get("tooltip").toString()).contains("too few chains");
        JsonNode whiskers = option.get("series").get(1);
        assertThat(whiskers.get("renderItem").asString()).isEqualTo("@errorBars");
        assertThat(whiskers.get("data")).hasSize(2);
        assertThat(whiskers.get("data").get(1).toString()).isEqualTo("[1,0.1,null,null,-0.27,0.47]");
        assertThat(option.get("xAxis").get("max").asInt()).isEqualTo(2);
    }
}
