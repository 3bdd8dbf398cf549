// The email report's charts (email/report.html), drawn with Chart.js from the report the page carries as JSON
// (#email-report-data): the same object the tables below each chart show and the API answers. A chart whose canvas
// is not on the page (nothing to show yet) is not drawn.
(function () {
  'use strict';

  function colour(css, name, fallback) {
    var value = css.getPropertyValue(name).trim();
    return value || fallback;
  }

  /** A link as a short label: its host and path, cut to 28 characters to leave a phone room for the bars. */
  function shortLink(url) {
    var text = url.replace(/^https?:\/\//, '').replace(/^www\./, '');
    return text.length > 28 ? text.slice(0, 27) + '…' : text;
  }

  function draw() {
    var source = document.getElementById('email-report-data');
    if (!source || typeof Chart === 'undefined') { return; }
    var report = JSON.parse(source.textContent);
    var css = getComputedStyle(document.documentElement);
    var primary = colour(css, '--primary', '#3b5bdb');
    var success = colour(css, '--success', '#237a35');
    var warning = colour(css, '--warning', '#9c5000');
    var text = colour(css, '--text', '#1b2033');
    Chart.defaults.maintainAspectRatio = false;
    Chart.defaults.color = text;
    if (window.matchMedia && window.matchMedia('(prefers-reduced-motion: reduce)').matches) {
      Chart.defaults.animation = false;
    }
    var whole = { beginAtZero: true, ticks: { precision: 0 } };

    var timeline = document.querySelector('canvas[data-chart="timeline"]');
    if (timeline) {
      var buckets = report.timeline.buckets;
      new Chart(timeline, {
        type: 'line',
        data: {
          labels: buckets.map(function (b) { return b.label; }),
          datasets: [
            { label: 'Opens', data: buckets.map(function (b) { return b.opens; }), borderColor: primary,
              backgroundColor: primary, tension: 0.2, pointRadius: 2 },
            { label: 'Clicks', data: buckets.map(function (b) { return b.clicks; }), borderColor: success,
              backgroundColor: success, borderDash: [6, 3], tension: 0.2, pointRadius: 2 }
          ]
        },
        options: { scales: { y: whole, x: { ticks: { autoSkip: true, maxRotation: 0 } } },
          interaction: { mode: 'index', intersect: false } }
      });
    }

    var links = document.querySelector('canvas[data-chart="links"]');
    if (links) {
      var rows = report.links.top.slice();
      if (report.links.rest) { rows.push(report.links.rest); }
      new Chart(links, {
        type: 'bar',
        data: {
          labels: rows.map(function (l, i) { return i < report.links.top.length ? shortLink(l.url) : l.url; }),
          datasets: [
            { label: 'People', data: rows.map(function (l) { return l.people; }), backgroundColor: primary },
            { label: 'Clicks', data: rows.map(function (l) { return l.clicks; }), backgroundColor: success }
          ]
        },
        options: { indexAxis: 'y', scales: { x: whole } }
      });
    }

    var ab = document.querySelector('canvas[data-chart="ab"]');
    if (ab && report.abTest) {
      var variants = report.abTest.variants;
      new Chart(ab, {
        type: 'bar',
        data: {
          labels: variants.map(function (v) { return 'Variant ' + v.key + ' (sent to ' + v.sample + ')'; }),
          datasets: [{ label: report.abTest.rateName + ' (%)', backgroundColor: variants.map(function (v) {
            return v.key === report.abTest.winner ? success : (v.sample === 0 ? warning : primary);
          }), data: variants.map(function (v) { return v.rate === null ? 0 : v.rate; }) }]
        },
        options: { scales: { y: { beginAtZero: true, ticks: { callback: function (value) { return value + ' %'; } } } },
          plugins: { legend: { display: false } } }
      });
    }
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', draw);
  } else {
    draw();
  }
})();
