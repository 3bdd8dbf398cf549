// Live render jobs: every element with data-render-live opens one server-sent event stream and updates the rows
// (data-job-id) it holds in place: status badge, progress bar and label. A job the page does not show yet reveals the
// "new jobs" note; a job that ends on the creative editor tells the editor to reload its image and video card.
(function () {
  if (window.flightdeckRenderLive) {
    window.flightdeckRenderLive.scan();
    return;
  }
  var BADGE = { QUEUED: 'badge', RUNNING: 'badge badge-primary', PUBLISHED: 'badge badge-success',
    FAILED: 'badge badge-danger', CANCELLED: 'badge badge-warning' };

  function apply(root, job) {
    var row = root.matches('[data-job-id="' + job.id + '"]') ? root : root.querySelector('[data-job-id="' + job.id + '"]');
    if (!row) {
      var note = (root.closest('.card') || root).querySelector('[data-live-note]');
      if (note) note.hidden = false;
      if (root.dataset.creativeId && job.creativeId === root.dataset.creativeId) refreshPanel(root);
      return;
    }
    var status = row.querySelector('[data-field="status"]');
    if (status) { status.textContent = job.statusLabel; status.className = BADGE[job.status] || 'badge'; }
    var bar = row.querySelector('[data-field="bar"]');
    if (bar) { bar.value = job.percent == null ? 0 : job.percent; bar.classList.toggle('is-hidden', job.status !== 'RUNNING'); }
    var progress = row.querySelector('[data-field="progress"]');
    if (progress) progress.textContent = job.progressLabel;
    if (job.ended) {
      if (root.dataset.creativeId) {
        if (job.status === 'PUBLISHED') document.body.dispatchEvent(new CustomEvent('creative-media-changed'));
        refreshPanel(root);
      } else if (root.classList.contains('render-job-state')) {
        var note2 = root.querySelector('[data-live-note]');
        if (note2) note2.hidden = false;
      }
    }
  }

  function refreshPanel(root) {
    if (!window.htmx || root.dataset.refreshing) return;
    root.dataset.refreshing = 'true';
    window.htmx.ajax('GET', '/creatives/' + root.dataset.creativeId + '/render/panel', { target: root, swap: 'outerHTML' });
  }

  function connect(root) {
    if (root.dataset.liveConnected) return;
    root.dataset.liveConnected = 'true';
    var source = new EventSource(root.dataset.renderLive);
    root.flightdeckSource = source;
    source.addEventListener('job', function (e) {
      if (!document.body.contains(root)) { source.close(); return; }
      apply(root, JSON.parse(e.data));
    });
  }

  function scan() {
    document.querySelectorAll('[data-render-live]').forEach(connect);
  }

  window.flightdeckRenderLive = { scan: scan };
  // connect once the page has loaded: a stream opened earlier would keep the page "loading" for as long as it lasts
  if (document.readyState === 'complete') scan(); else window.addEventListener('load', scan);
  document.addEventListener('htmx:afterSettle', scan);
})();
