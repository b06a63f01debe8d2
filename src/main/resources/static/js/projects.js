// Charts of the project pages: monthly planned vs completed investment as bars, both cumulated as lines.
window.LuoshiProjects = {
  investmentChart: function (elementId, data, labels) {
    var element = document.getElementById(elementId);
    if (!element || !window.echarts) { return null; }
    var chart = echarts.init(element);
    var months = [];
    for (var m = 1; m <= 12; m++) { months.push(m + labels.month); }
    var numbers = function (values) {
      return (values || []).map(function (v) { return v === null || v === undefined ? null : Number(v); });
    };
    chart.setOption({
      tooltip: { trigger: 'axis' },
      legend: { top: 0 },
      grid: { left: 60, right: 60, top: 40, bottom: 30 },
      xAxis: { type: 'category', data: months },
      yAxis: [
        { type: 'value', name: labels.unit, splitLine: { lineStyle: { color: '#eee' } } },
        { type: 'value', name: labels.unit, splitLine: { show: false } }
      ],
      series: [
        { name: labels.planned, type: 'bar', data: numbers(data.planned), itemStyle: { color: '#9ca3af' } },
        { name: labels.completed, type: 'bar', data: numbers(data.completed), itemStyle: { color: '#b3261e' } },
        { name: labels.plannedToDate, type: 'line', yAxisIndex: 1, data: numbers(data.plannedToDate),
          lineStyle: { type: 'dashed', color: '#6b7280' }, itemStyle: { color: '#6b7280' } },
        { name: labels.completedToDate, type: 'line', yAxisIndex: 1, data: numbers(data.completedToDate),
          lineStyle: { color: '#dc2626' }, itemStyle: { color: '#dc2626' } }
      ]
    });
    window.addEventListener('resize', function () { chart.resize(); });
    element.setAttribute('data-rendered', 'true');
    return chart;
  }
};
