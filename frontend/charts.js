// Chart glue for Constitutional AI Lab: renders ECharts options sent from the server (JSON) into an element.
// Functions cannot travel as JSON, so options name a formatter ("formatter": "@name") that is looked up here.
(function () {
  const formatters = {
    // Tooltip for a point with an interval: [x, y, name, lower, upper, votes]
    ratingPoint: (p) => {
      const d = p.data.value || p.data;
      return `<b>${escapeHtml(p.data.name ?? p.name)}</b><br/>` + (p.data.tooltip || []).map(escapeHtml).join('<br/>');
    },
    lines: (p) => (p.data.tooltip || [String(p.value)]).map(escapeHtml).join('<br/>'),
  };

  function escapeHtml(text) {
    return String(text).replace(/[&<>"']/g, (c) => ({'&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;'}[c]));
  }

  function resolveFormatters(node) {
    if (Array.isArray(node)) {
      return node.map(resolveFormatters);
    }
    if (node && typeof node === 'object') {
      const out = {};
      for (const [key, value] of Object.entries(node)) {
        out[key] = (key === 'formatter' && typeof value === 'string' && value.startsWith('@'))
          ? formatters[value.substring(1)]
          : resolveFormatters(value);
      }
      return out;
    }
    return node;
  }

  function render(element, optionJson) {
    let chart = echarts.getInstanceByDom(element);
    if (!chart) {
      chart = echarts.init(element, null, {renderer: 'canvas'});
      new ResizeObserver(() => chart.resize()).observe(element);
    }
    chart.setOption(resolveFormatters(JSON.parse(optionJson)), {notMerge: true});
    element.dataset.rendered = String(Number(element.dataset.rendered || 0) + 1);
  }

  window.cailabCharts = {render};
})();
