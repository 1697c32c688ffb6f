package org.cailab.pipeline.ui;

import static org.assertj.core.api.Assertions.assertThat;

import org.cailab.pipeline.RouteTarget;
import org.junit.jupiter.api.Test;

class RouteUrlsTest {

    @Test
    void routeTemplatesAreComparedWithoutParameterPatternsOrMarkers() {
        assertThat(RouteUrls.bareTemplate("runs/:runId(\\d+)/chains")).isEqualTo("runs/:runId/chains");
        assertThat(RouteUrls.bareTemplate("pipelines/:pipelineId?(\\d+)")).isEqualTo("pipelines/:pipelineId");
        assertThat(RouteUrls.bareTemplate("preference-pairs")).isEqualTo("preference-pairs");
    }

    @Test
    void downloadsKeepTheStagesQueryOrderAndEncodeValues() {
        RouteTarget target = RouteTarget.Download.of("api/preference-pairs")
                .withQuery("format", "jsonl")
                .withQuery("run", 7);
        assertThat(RouteUrls.href(target)).isEqualTo("api/preference-pairs?format=jsonl&run=7");
        assertThat(RouteUrls.href(RouteTarget.Download.of("api/x").withQuery("q", "a b&c")))
                .isEqualTo("api/x?q=a+b%26c");
        assertThat(RouteUrls.href(RouteTarget.Download.of("api/x"))).isEqualTo("api/x");
    }
}
