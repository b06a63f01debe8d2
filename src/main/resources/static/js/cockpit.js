// The leader cockpit's charts, drawn from the same JSON as GET /api/v1/cockpit (carried in data-cockpit).
(function () {
  var holder = document.getElementById('cockpit');
  if (!holder || typeof echarts === 'undefined') { return; }
  var v = JSON.parse(holder.getAttribute('data-cockpit'));
  var en = document.documentElement.lang === 'en';
  var charts = [];

  function chart(id, option, onClick) {
    var el = document.getElementById(id);
    if (!el) { return; }
    var c = echarts.init(el);
    c.setOption(option);
    if (onClick) { c.on('click', onClick); }
    charts.push(c);
  }

  // 赛马: completion rate by unit, best first (top of the chart); a bar opens the unit's completed tasks.
  var race = v.tasks.race.slice(0, 12).reverse();
  var raceEl = document.getElementById('chart-race');
  if (raceEl) { raceEl.style.height = Math.max(160, race.length * 26 + 40) + 'px'; }
  chart('chart-race', {
    animation: false,
    grid: { left: 8, right: 48, top: 8, bottom: 8, containLabel: true },
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' },
      formatter: function (p) { var r = race[p[0].dataIndex];
        return r.unit + '<br>' + r.completed.value + ' / ' + r.tasks.value + '（' + r.rate + '%）'; } },
    xAxis: { type: 'value', max: 100, axisLabel: { formatter: '{value}%' } },
    yAxis: { type: 'category', data: race.map(function (r) { return r.unit; }),
             axisLabel: { width: 96, overflow: 'truncate' } },
    series: [{ type: 'bar', data: race.map(function (r) { return r.rate; }), itemStyle: { color: '#b3261e' },
               label: { show: true, position: 'right', formatter: '{c}%' } }]
  }, function (p) { window.location.href = race[p.dataIndex].completed.link; });

  // 争先进位: the growth rank of each indicator month by month (1 at the top).
  var lines = v.indicators.lines.filter(function (l) { return l.ranks.some(function (r) { return r != null; }); });
  var months = (lines[0] ? lines[0].ranks : []).map(function (r, i) { return en ? 'M' + (i + 1) : (i + 1) + '月'; });
  var worst = 1;
  lines.forEach(function (l) { l.ranks.forEach(function (r) { if (r > worst) { worst = r; } }); });
  chart('chart-ranks', {
    animation: false,
    tooltip: { trigger: 'axis' },
    legend: { type: 'scroll', top: 0 },
    grid: { left: 8, right: 16, top: 36, bottom: 8, containLabel: true },
    xAxis: { type: 'category', data: months },
    yAxis: { type: 'value', inverse: true, min: 1, max: worst, minInterval: 1,
             name: en ? 'rank' : '位次', nameLocation: 'start', nameGap: 20 },
    series: lines.map(function (l) {
      return { name: l.name, type: 'line', connectNulls: true, data: l.ranks, symbolSize: 7 };
    })
  });

  // Investment of all projects: the year's plan and what was completed, both cumulated (万元).
  var total = v.projects.total.months;
  chart('chart-investment', {
    animation: false,
    color: ['#6b7280', '#b3261e'],
    tooltip: { trigger: 'axis' },
    legend: { top: 0 },
    grid: { left: 8, right: 16, top: 36, bottom: 8, containLabel: true },
    xAxis: { type: 'category', data: total.map(function (m) { return en ? 'M' + m.month : m.month + '月'; }) },
    yAxis: { type: 'value', name: en ? '10k yuan' : '万元' },
    series: [
      { name: en ? 'Planned (cumulative)' : '计划投资（累计）', type: 'line', data: total.map(function (m) { return m.plannedToDate; }) },
      { name: en ? 'Completed (cumulative)' : '完成投资（累计）', type: 'bar', data: total.map(function (m) { return m.completedToDate; }) }
    ]
  });

  // Per-mu grades by park, stacked; a segment opens that park's enterprises of that grade.
  if (v.perMu) {
    var parks = v.perMu.parks;
    var grades = ['A', 'B', 'C', 'D'];
    var permuEl = document.getElementById('chart-permu');
    if (permuEl) { permuEl.style.height = Math.max(140, parks.length * 30 + 60) + 'px'; }
    chart('chart-permu', {
      animation: false,
      color: ['#16a34a', '#2563eb', '#eab308', '#dc2626'],
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      legend: { top: 0 },
      grid: { left: 8, right: 16, top: 32, bottom: 8, containLabel: true },
      xAxis: { type: 'value', minInterval: 1 },
      yAxis: { type: 'category', data: parks.map(function (p) { return p.park; }),
               axisLabel: { width: 110, overflow: 'truncate' } },
      series: grades.map(function (g) {
        return { name: g, type: 'bar', stack: 'grades', data: parks.map(function (p) { return p.grades[g].value; }) };
      })
    }, function (p) { window.location.href = parks[p.dataIndex].grades[p.seriesName].link; });
  }

  window.addEventListener('resize', function () { charts.forEach(function (c) { c.resize(); }); });
})();
