// The campaign dashboard's trend chart (analytics/campaign.html), drawn with Chart.js from the dashboard the page
// carries as JSON (#analytics-dashboard-data): the same object the API answers and the table below the chart shows;
// drawn again when the figures are read again in place.
(function () {
  'use strict';

  function draw() {
    var source = document.getElementById('analytics-dashboard-data');
    var canvas = document.querySelector('canvas[data-chart="trend"]');
    if (!source || !canvas || typeof Chart === 'undefined') { return; }
    var dashboard = JSON.parse(source.textContent);
    var css = getComputedStyle(document.documentElement);
    var primary = css.getPropertyValue('--primary').trim() || '#3b5bdb';
    var success = css.getPropertyValue('--success').trim() || '#237a35';
    Chart.defaults.maintainAspectRatio = false;
    Chart.defaults.color = css.getPropertyValue('--text').trim() || '#1b2033';
    if (window.matchMedia && window.matchMedia('(prefers-reduced-motion: reduce)').matches) {
      Chart.defaults.animation = false;
    }
    var days = dashboard.trend;
    function series(metric) {
      return days.map(function (d) { return d.values[metric] === undefined ? 0 : Number(d.values[metric]); });
    }
    new Chart(canvas, {
      type: 'line',
      data: {
        labels: days.map(function (d) { return d.day.slice(5); }),
        datasets: [
          { label: 'Clicks', data: series('CLICKS'), borderColor: primary, backgroundColor: primary, tension: 0.2,
            pointRadius: 2 },
          { label: 'Conversions', data: series('CONVERSIONS'), borderColor: success, backgroundColor: success,
            borderDash: [6, 3], tension: 0.2, pointRadius: 2 }
        ]
      },
      options: { scales: { y: { beginAtZero: true, ticks: { precision: 0 } },
        x: { ticks: { autoSkip: true, maxRotation: 0 } } }, interaction: { mode: 'index', intersect: false } }
    });
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', draw);
  } else {
    draw();
  }
  // the figures read again in place (new numbers arrived) bring a new canvas and new JSON: draw them
  document.addEventListener('htmx:afterSettle', function () {
    var canvas = document.querySelector('canvas[data-chart="trend"]');
    if (canvas && typeof Chart !== 'undefined' && !Chart.getChart(canvas)) { draw(); }
  });
})();
