// Gantt chart (planning/timeline.html): drag a bar sideways, or focus it and press the arrow keys, to move a task.
// The new start (snapped to a working day in the direction of the move) is posted to the page's schedule endpoint,
// which recalculates the plan and answers the chart re-rendered; htmx then wires the new chart's forms.
(function () {
  'use strict';

  function region() { return document.getElementById('gantt'); }

  /**
   * Puts the chart's parts where the server measured them (data-x, data-width, and the chart's day width, row height
   * and width): through the CSSOM, because the Content-Security-Policy refuses style attributes.
   */
  function place(root) {
    root.querySelectorAll('.gantt[data-chart-width]').forEach(function (chart) {
      chart.style.setProperty('--gantt-day', chart.getAttribute('data-day-width') + 'px');
      chart.style.setProperty('--gantt-row', chart.getAttribute('data-row-height') + 'px');
      chart.style.setProperty('--gantt-width', chart.getAttribute('data-chart-width') + 'px');
    });
    root.querySelectorAll('.gantt [data-x]').forEach(function (part) {
      part.style.left = part.getAttribute('data-x') + 'px';
      if (part.hasAttribute('data-width')) { part.style.width = part.getAttribute('data-width') + 'px'; }
    });
  }
  place(document);
  document.addEventListener('htmx:load', function (event) { place(event.target.parentNode || event.target); });

  function parseDate(text) {
    var p = text.split('-');
    return new Date(Date.UTC(+p[0], +p[1] - 1, +p[2]));
  }

  function formatDate(date) { return date.toISOString().slice(0, 10); }

  function holidays(chart) {
    var list = (chart.getAttribute('data-holidays') || '').split(',').filter(Boolean);
    var set = {};
    list.forEach(function (d) { set[d] = true; });
    return set;
  }

  /** The start moved by whole days, then on to the next working day the way it moved. */
  function movedStart(start, days, off) {
    var date = new Date(start.getTime() + days * 86400000);
    var step = days < 0 ? -1 : 1;
    for (var i = 0; i < 370; i++) {
      var weekday = date.getUTCDay();
      if (weekday !== 0 && weekday !== 6 && !off[formatDate(date)]) { break; }
      date = new Date(date.getTime() + step * 86400000);
    }
    return date;
  }

  function post(taskId, start) {
    var container = region();
    if (!container) { return; }
    var url = '/campaigns/' + container.getAttribute('data-campaign-id') + '/timeline/tasks/' + taskId + '/schedule';
    var headers = { 'Content-Type': 'application/x-www-form-urlencoded', 'HX-Request': 'true' };
    var header = container.getAttribute('data-csrf-header');
    if (header) { headers[header] = container.getAttribute('data-csrf-token'); }
    container.classList.add('gantt-busy');
    fetch(url, { method: 'POST', headers: headers, credentials: 'same-origin', body: 'start=' + encodeURIComponent(start) })
      .then(function (response) {
        var redirect = response.headers.get('HX-Redirect');
        if (redirect) { window.location.href = redirect; return null; }
        if (!response.ok) { throw new Error('HTTP ' + response.status); }
        return response.text();
      })
      .then(function (html) {
        if (html === null) { return; }
        var old = region();
        var holder = document.createElement('div');
        holder.innerHTML = html.trim();
        var fresh = holder.querySelector('#gantt') || holder.firstElementChild;
        old.replaceWith(fresh);
        place(fresh);
        if (window.htmx) { window.htmx.process(fresh); }
        var bar = fresh.querySelector('.gantt-bar[data-task-id="' + taskId + '"]');
        if (bar && bar.getAttribute('tabindex') !== null) { bar.focus({ preventScroll: true }); }
      })
      .catch(function () {
        var current = region();
        if (current) { current.classList.remove('gantt-busy'); }
        window.location.reload();
      });
  }

  function movable(bar) {
    var container = region();
    return bar && container && container.contains(bar) && container.getAttribute('data-can-move') === 'true';
  }

  var drag = null;

  document.addEventListener('pointerdown', function (event) {
    var bar = event.target.closest('.gantt-bar[data-task-id]');
    if (!movable(bar) || event.button !== 0) { return; }
    var chart = bar.closest('.gantt');
    drag = { bar: bar, x: event.clientX, dayWidth: +chart.getAttribute('data-day-width') || 24, chart: chart, days: 0 };
    bar.setPointerCapture(event.pointerId);
    bar.classList.add('gantt-dragging');
    event.preventDefault();
  });

  document.addEventListener('pointermove', function (event) {
    if (!drag) { return; }
    drag.days = Math.round((event.clientX - drag.x) / drag.dayWidth);
    // translate first (in the row's frame), then a milestone keeps its diamond rotation
    drag.bar.style.transform = 'translateX(' + (drag.days * drag.dayWidth) + 'px)'
      + (drag.bar.classList.contains('gantt-milestone') ? ' rotate(45deg)' : '');
  });

  function endDrag(commit) {
    if (!drag) { return; }
    var current = drag;
    drag = null;
    current.bar.classList.remove('gantt-dragging');
    if (!commit || current.days === 0) {
      current.bar.style.transform = '';
      return;
    }
    var start = movedStart(parseDate(current.bar.getAttribute('data-start')), current.days, holidays(current.chart));
    post(current.bar.getAttribute('data-task-id'), formatDate(start));
  }

  document.addEventListener('pointerup', function () { endDrag(true); });
  document.addEventListener('pointercancel', function () { endDrag(false); });

  document.addEventListener('keydown', function (event) {
    var bar = event.target.closest && event.target.closest('.gantt-bar[data-task-id]');
    if (!movable(bar) || (event.key !== 'ArrowLeft' && event.key !== 'ArrowRight')) { return; }
    event.preventDefault();
    var step = event.key === 'ArrowLeft' ? -1 : 1;
    var start = movedStart(parseDate(bar.getAttribute('data-start')), event.shiftKey ? step * 7 : step,
      holidays(bar.closest('.gantt')));
    post(bar.getAttribute('data-task-id'), formatDate(start));
  });
})();
