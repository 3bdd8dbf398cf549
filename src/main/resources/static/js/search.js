// The search box in the page shell (search module). "/" focuses it, unless the key was typed into a field. On the
// results page the arrow keys move between results (from the box, the page or a result) and Enter opens the focused
// one, since each result is a link.
(function () {
  'use strict';

  function typingInAField(target) {
    if (!target || !target.tagName) {
      return false;
    }
    var tag = target.tagName.toLowerCase();
    return tag === 'input' || tag === 'textarea' || tag === 'select' || target.isContentEditable;
  }

  document.addEventListener('keydown', function (event) {
    if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey) {
      return;
    }
    if (event.key === '/' && !typingInAField(event.target)) {
      var box = document.querySelector('[data-site-search]');
      if (box) {
        event.preventDefault();
        box.focus();
        box.select();
      }
      return;
    }
    if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') {
      return;
    }
    var hits = Array.prototype.slice.call(document.querySelectorAll('[data-search-hit]'));
    if (hits.length === 0) {
      return;
    }
    var at = hits.indexOf(document.activeElement);
    var inSearchBox = document.activeElement && document.activeElement.type === 'search';
    // arrows keep their meaning in other fields (a select, a textarea): only the search boxes hand over to results
    if (at < 0 && typingInAField(event.target) && !inSearchBox) {
      return;
    }
    event.preventDefault();
    var next = at < 0 ? (event.key === 'ArrowDown' ? 0 : hits.length - 1)
        : Math.max(0, Math.min(hits.length - 1, at + (event.key === 'ArrowDown' ? 1 : -1)));
    hits[next].focus();
  });
})();
