// Appeal statistics: the 三率 and satisfaction by unit (bars), the categories (pie) and the monthly trend.
(function () {
  var holder = document.getElementById('chart-units');
  if (!holder || typeof echarts === 'undefined') { return; }
  var stats = JSON.parse(holder.getAttribute('data-stats'));
  var en = document.documentElement.lang === 'en';
  var names = en ? ['Response', 'On time', 'Resolved', 'Satisfied'] : ['响应率', '按时办结率', '办结率', '满意率'];
  var keys = ['responseRate', 'onTimeRate', 'resolutionRate', 'satisfactionRate'];
  var colors = ['#b3261e', '#e08e0b', '#2563eb', '#16a34a'];
  var units = stats.byUnit.slice(0, 12);

  var unitChart = echarts.init(holder);
  unitChart.setOption({
    color: colors,
    tooltip: { trigger: 'axis', valueFormatter: function (v) { return v == null ? '—' : v + '%'; } },
    legend: { top: 0 },
    grid: { left: 40, right: 10, bottom: 80, top: 30 },
    xAxis: { type: 'category', data: units.map(function (u) { return u.label; }),
             axisLabel: { rotate: 35, interval: 0, fontSize: 11 } },
    yAxis: { type: 'value', min: 0, max: 100, axisLabel: { formatter: '{value}%' } },
    series: keys.map(function (k, i) {
      return { name: names[i], type: 'bar', data: units.map(function (u) { return u[k]; }) };
    })
  });

  var categoryChart = echarts.init(document.getElementById('chart-categories'));
  categoryChart.setOption({
    tooltip: { trigger: 'item' },
    series: [{ type: 'pie', radius: ['28%', '55%'], label: { fontSize: 11, formatter: '{b}\n{c}' },
               data: stats.byCategory.map(function (c) { return { name: c.label, value: c.total }; }) }]
  });

  var monthChart = echarts.init(document.getElementById('chart-months'));
  monthChart.setOption({
    color: ['#6b7280', '#b3261e', '#16a34a'],
    tooltip: { trigger: 'axis' },
    legend: { top: 0 },
    grid: { left: 40, right: 40, bottom: 30, top: 30 },
    xAxis: { type: 'category', data: stats.byMonth.map(function (m) { return m.key; }) },
    yAxis: [{ type: 'value' }, { type: 'value', min: 0, max: 100, axisLabel: { formatter: '{value}%' } }],
    series: [
      { name: en ? 'Appeals' : '诉求件数', type: 'bar', data: stats.byMonth.map(function (m) { return m.total; }) },
      { name: names[1], type: 'line', yAxisIndex: 1, data: stats.byMonth.map(function (m) { return m.onTimeRate; }) },
      { name: names[3], type: 'line', yAxisIndex: 1, data: stats.byMonth.map(function (m) { return m.satisfactionRate; }) }
    ]
  });
  window.addEventListener('resize', function () {
    unitChart.resize(); categoryChart.resize(); monthChart.resize();
  });
})();
