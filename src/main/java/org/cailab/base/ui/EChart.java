package org.cailab.base.ui;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.html.Div;

/**
 * An Apache ECharts chart. The server sends the chart's option object as JSON; ECharts itself is loaded once
 * per page from the webjar, and {@code frontend/charts.js} renders it. Names in the data are always rendered by
 * ECharts as text (tooltips go through an escaping formatter), never as HTML.
 */
public class EChart extends Div {

    private static final String LOAD_AND_RENDER = """
            const load = (src) => new Promise((resolve, reject) => {
              const script = document.createElement('script');
              script.src = src; script.onload = resolve; script.onerror = () => reject(new Error('cannot load ' + src));
              document.head.appendChild(script);
            });
            window.cailabChartsReady = window.cailabChartsReady
              || load('webjars/echarts/5.3.1/dist/echarts.min.js').then(() => load('app/charts.js'));
            return window.cailabChartsReady.then(() => window.cailabCharts.render(this, $0));
            """;

    private String optionJson = "{}";

    public EChart() {
        addClassName("cailab-chart");
        setWidthFull();
        setHeight("420px");
    }

    /** Replaces what the chart shows; {@code json} is an ECharts option object. */
    public void setOption(String json) {
        this.optionJson = json;
        if (isAttached()) {
            getElement().executeJs(LOAD_AND_RENDER, json);
        }
    }

    @Override
    protected void onAttach(AttachEvent attachEvent) {
        super.onAttach(attachEvent);
        getElement().executeJs(LOAD_AND_RENDER, optionJson);
    }
}
