// Chart glue for Constitutional AI Lab: renders ECharts options sent from the server (JSON) into an element.
// Functions cannot travel as JSON, so options name a formatter ("formatter": "@name") or a custom series' drawing
// ("renderItem": "@name") that is looked up here. Names in the data are only ever shown as text: tooltips are HTML,
// so every text that goes into one passes escapeHtml.
(function () {
  const formatters = {
    // Tooltip of a data item that carries its own lines: {name, value, tooltip: ["line", ...]}
    ratingPoint: (p) => {
      const item = (p.data && typeof p.data === 'object' && !Array.isArray(p.data)) ? p.data : {};
      const title = item.name ?? p.name ?? p.seriesName;
      return `<b>${escapeHtml(title)}</b><br/>` + (item.tooltip || []).map(escapeHtml).join('<br/>');
    },
    lines: (p) => ((p.data && p.data.tooltip) || [String(p.value)]).map(escapeHtml).join('<br/>'),
  };

  const renderers = {
    // Interval whiskers around a point: value = [x, y, xLower, xUpper, yLower, yUpper]; a missing pair is skipped.
    errorBars: (params, api) => {
      const x = api.value(0);
      const y = api.value(1);
      const color = api.visual('color');
      const cap = 4;
      const children = [];
      const segment = (a, b) => children.push({
        type: 'line', shape: {x1: a[0], y1: a[1], x2: b[0], y2: b[1]},
        style: {stroke: color, lineWidth: 1.2, opacity: 0.8},
      });
      if (isFinite(api.value(2)) && isFinite(api.value(3))) {
        const left = api.coord([api.value(2), y]);
        const right = api.coord([api.value(3), y]);
        segment(left, right);
        segment([left[0], left[1] - cap], [left[0], left[1] + cap]);
        segment([right[0], right[1] - cap], [right[0], right[1] + cap]);
      }
      if (isFinite(api.value(4)) && isFinite(api.value(5))) {
        const low = api.coord([x, api.value(4)]);
        const high = api.coord([x, api.value(5)]);
        segment(low, high);
        segment([low[0] - cap, low[1]], [low[0] + cap, low[1]]);
        segment([high[0] - cap, high[1]], [high[0] + cap, high[1]]);
      }
      return {type: 'group', children};
    },
    // One piece of an interval band between two consecutive points: value = [x1, lower1, upper1, x2, lower2, upper2]
    band: (params, api) => ({
      type: 'polygon',
      shape: {
        points: [
          api.coord([api.value(0), api.value(1)]), api.coord([api.value(3), api.value(4)]),
          api.coord([api.value(3), api.value(5)]), api.coord([api.value(0), api.value(2)]),
        ],
      },
      style: {fill: api.visual('color'), opacity: 0.18},
    }),
  };

  const resolvers = {formatter: formatters, renderItem: renderers};

  function escapeHtml(text) {
    return String(text).replace(/[&<>"']/g, (c) => ({'&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;'}[c]));
  }

  function resolveFunctions(node) {
    if (Array.isArray(node)) {
      return node.map(resolveFunctions);
    }
    if (node && typeof node === 'object') {
      const out = {};
      for (const [key, value] of Object.entries(node)) {
        const registry = resolvers[key];
        out[key] = (registry && typeof value === 'string' && value.startsWith('@'))
          ? registry[value.substring(1)]
          : resolveFunctions(value);
      }
      return out;
    }
    return node;
  }

  // A chart that is updated with new numbers keeps what the user did with it: zoom and hidden series.
  function keepViewState(chart, option) {
    const old = chart.getOption() || {};
    if (Array.isArray(option.dataZoom) && Array.isArray(old.dataZoom)) {
      option.dataZoom.forEach((zoom, i) => {
        const before = old.dataZoom[i];
        if (before && before.start !== undefined && before.end !== undefined) {
          zoom.start = before.start;
          zoom.end = before.end;
        }
      });
    }
    const selected = old.legend && old.legend[0] && old.legend[0].selected;
    if (selected && option.legend && !Array.isArray(option.legend)) {
      option.legend.selected = Object.assign({}, selected, option.legend.selected || {});
    }
  }

  function render(element, optionJson) {
    const option = resolveFunctions(JSON.parse(optionJson));
    let chart = echarts.getInstanceByDom(element);
    if (!chart) {
      chart = echarts.init(element, null, {renderer: 'canvas'});
      new ResizeObserver(() => chart.resize()).observe(element);
    } else {
      keepViewState(chart, option);
    }
    chart.setOption(option, {notMerge: true});
    element.dataset.rendered = String(Number(element.dataset.rendered || 0) + 1);
  }

  window.cailabCharts = {render, escapeHtml};
})();
