// Draws every chart of a statistics or target page: the server puts a complete ECharts option on the element.
(function () {
  function draw(root) {
    root.querySelectorAll('.ls-chart[data-option]').forEach(function (el) {
      if (el.dataset.drawn) { return; }
      el.dataset.drawn = '1';
      var chart = echarts.init(el);
      chart.setOption(JSON.parse(el.dataset.option));
      window.addEventListener('resize', function () { chart.resize(); });
    });
  }
  draw(document);
  document.body.addEventListener('htmx:afterSwap', function (event) { draw(event.target); });
})();
