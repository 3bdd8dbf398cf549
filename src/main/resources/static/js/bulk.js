// The bulk bar of a list page: it shows once a row is ticked, with the count, and only the field the chosen action
// reads. Delegated from the document so that it keeps working after htmx swaps the list (filters, paging).
(function () {
  // a list swapped in by htmx (the campaign's posts panel) brings this script again: listen once
  if (window.flightdeckBulkBar) { return; }
  window.flightdeckBulkBar = true;
  function bar() { return document.querySelector('[data-bulk-bar]'); }

  function refresh() {
    var form = bar();
    if (!form) { return; }
    var boxes = document.querySelectorAll('[data-bulk-item]');
    var ticked = Array.prototype.filter.call(boxes, function (b) { return b.checked; }).length;
    form.hidden = ticked === 0;
    form.querySelector('[data-bulk-count]').textContent = ticked + ' selected';
    var all = document.querySelector('[data-bulk-all]');
    if (all) { all.checked = ticked > 0 && ticked === boxes.length; }
    var action = form.querySelector('[data-bulk-action]').value;
    form.querySelectorAll('[data-bulk-param]').forEach(function (label) {
      // a field several actions read names them all, space-separated
      var shown = label.getAttribute('data-bulk-param').split(' ').indexOf(action) >= 0;
      label.hidden = !shown;
      label.querySelectorAll('select, input').forEach(function (field) { field.disabled = !shown; });
    });
  }

  document.addEventListener('change', function (event) {
    var target = event.target;
    if (target.matches('[data-bulk-all]')) {
      document.querySelectorAll('[data-bulk-item]').forEach(function (b) { b.checked = target.checked; });
    }
    if (target.matches('[data-bulk-all], [data-bulk-item], [data-bulk-action]')) { refresh(); }
  });
  document.addEventListener('DOMContentLoaded', refresh);
  document.addEventListener('htmx:afterSwap', refresh);
})();
