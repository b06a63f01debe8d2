// Charts of the per-mu run page: the grade distribution, and grades per park as stacked bars.
window.LuoshiEnterprises = {
  colours: { A: '#16a34a', B: '#2563eb', C: '#eab308', D: '#dc2626' },
  gradeCharts: function (gradeId, parkId, grades, parks, parkSeries, label, notRatedLabel) {
    if (!window.echarts) { return; }
    var colours = this.colours;
    var gradeElement = document.getElementById(gradeId);
    if (gradeElement) {
      var names = ['A', 'B', 'C', 'D'];
      var chart = echarts.init(gradeElement);
      var data = names.map(function (g) {
        return { value: grades[g] || 0, itemStyle: { color: colours[g] } };
      });
      var categories = names.slice();
      if (grades['-']) { categories.push(notRatedLabel); data.push({ value: grades['-'], itemStyle: { color: '#9ca3af' } }); }
      chart.setOption({
        tooltip: {}, grid: { left: 40, right: 20, top: 20, bottom: 30 },
        xAxis: { type: 'category', data: categories }, yAxis: { type: 'value', name: label },
        series: [{ type: 'bar', data: data, label: { show: true, position: 'top' } }]
      });
      gradeElement.setAttribute('data-rendered', 'true');
      window.addEventListener('resize', function () { chart.resize(); });
    }
    var parkElement = document.getElementById(parkId);
    if (parkElement && parks.length) {
      var byPark = echarts.init(parkElement);
      byPark.setOption({
        tooltip: { trigger: 'axis' }, legend: { top: 0 }, grid: { left: 150, right: 20, top: 30, bottom: 30 },
        xAxis: { type: 'value', name: label }, yAxis: { type: 'category', data: parks },
        series: ['A', 'B', 'C', 'D'].map(function (g, i) {
          return { name: g, type: 'bar', stack: 'grades', data: parkSeries[i], itemStyle: { color: colours[g] } };
        })
      });
      window.addEventListener('resize', function () { byPark.resize(); });
    }
  }
};
