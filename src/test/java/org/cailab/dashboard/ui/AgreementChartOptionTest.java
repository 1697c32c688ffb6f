package org.cailab.dashboard.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.cailab.feedback.Agreement;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class AgreementChartOptionTest {

    @Test
    void aBarPerGroupWithItsIntervalAsWhiskers() {
        List<Agreement> groups = List.of(
                new Agreement("less-harmful", 10, 8, 0.4902, 0.9433), new Agreement("kinder", 4, 1, 0.0456, 0.6994));
        JsonNode option = JsonMapper.builder()
                .build()
                .readTree(AgreementChartOption.of("Agreement per principle", "principle", groups)
                        .toString());
        assertThat(option.get("xAxis").get("data").toString()).isEqualTo("[\"less-harmful\",\"kinder\"]");
        JsonNode bars = option.get("series").get(0);
        assertThat(bars.get("data").get(0).get("value").toString()).isEqualTo("[0,0.8]");
        assertThat(bars.get("data").get(1).get("tooltip").toString())
                .contains("agreement 25.0% (95%: 4.6% to 69.9%)")
                .contains("1 of 4 comparisons agree");
        JsonNode whiskers = option.get("series").get(1);
        assertThat(whiskers.get("renderItem").asString()).isEqualTo("@errorBars");
        assertThat(whiskers.get("data").get(0).toString()).isEqualTo("[0,0.8,null,null,0.4902,0.9433]");
        assertThat(option.get("yAxis").get("max").asInt()).isEqualTo(1);
    }
}
