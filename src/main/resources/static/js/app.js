// Small behaviours for the shell: mobile navigation, folding list filters, dismissible toasts, confirmation dialogs,
// copy buttons.
(function () {
  // A form that asks first (data-confirm="Remove this list?"): the Content-Security-Policy refuses onsubmit attributes.
  document.addEventListener('submit', function (event) {
    var message = event.target.getAttribute && event.target.getAttribute('data-confirm');
    if (message && !window.confirm(message)) {
      event.preventDefault();
      event.stopImmediatePropagation();
    }
  }, true);
  // Conditions on a part's reloads that hx-trigger would write as [filters], which htmx runs through eval (refused by
  // the Content-Security-Policy): data-poll-unless skips a timed reload while its selector matches (a dialog open,
  // focus inside), data-poll-visible skips it while the page's tab is hidden, data-reload-unless skips any reload
  // (timed or signalled) while its selector matches (rows ticked, a bulk action's progress shown), data-changes-skip
  // skips a change signal raised from inside its selector (the part's own answer).
  document.addEventListener('htmx:confirm', function (event) {
    var elt = event.detail.elt;
    var trigger = event.detail.triggeringEvent;
    var unless = elt.getAttribute('data-poll-unless');
    var always = elt.getAttribute('data-reload-unless');
    if (!trigger && (unless && document.querySelector(unless)
        || elt.hasAttribute('data-poll-visible') && document.visibilityState !== 'visible')
        || always && (!trigger || trigger.type === 'fd:changed') && document.querySelector(always)) {
      event.preventDefault();
      return;
    }
    var skip = elt.getAttribute('data-changes-skip');
    if (skip && trigger && trigger.type === 'fd:changed' && trigger.target.closest && trigger.target.closest(skip)) {
      event.preventDefault();
    }
  });
  document.addEventListener('click', function (event) {
    var toggle = event.target.closest('[data-nav-toggle]');
    if (toggle) {
      setNavOpen(!document.body.classList.contains('nav-open'));
    } else if (event.target.closest('#sidenav a')) {
      setNavOpen(false); // a page chosen from the phone menu: the menu must not cover it if the page is the same
    }
    var filters = event.target.closest('[data-filters-toggle]');
    if (filters) {
      var form = document.getElementById(filters.getAttribute('aria-controls'));
      var shown = form.classList.toggle('filters-open');
      filters.setAttribute('aria-expanded', String(shown));
    }
    var dismiss = event.target.closest('[data-dismiss]');
    if (dismiss) {
      dismiss.closest('.toast, .alert').remove();
    }
    var opener = event.target.closest('[data-open-dialog]');
    if (opener) {
      var dialog = document.getElementById(opener.getAttribute('data-open-dialog'));
      if (dialog) { dialog.showModal(); }
    }
    var closer = event.target.closest('[data-close-dialog]');
    if (closer) {
      closer.closest('dialog').close();
    }
    if (event.target.closest('[data-history-back]') && window.history.length > 1) {
      event.preventDefault();
      window.history.back();
    }
    var copy = event.target.closest('[data-copy]');
    if (copy) {
      var source = document.getElementById(copy.getAttribute('data-copy'));
      navigator.clipboard.writeText(source.textContent.trim()).then(function () {
        copy.textContent = 'Copied';
      });
    }
  });
  // The sign-up form suggests the browser's own time zone while the field still holds the default.
  document.addEventListener('DOMContentLoaded', function () {
    var field = document.querySelector('[data-detect-time-zone]');
    try {
      var zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
      if (field && zone && (!field.value || field.value === 'UTC')) { field.value = zone; }
    } catch (e) { /* keep UTC */ }
  });
  function setNavOpen(open) {
    document.body.classList.toggle('nav-open', open);
    document.querySelectorAll('[data-nav-toggle]').forEach(function (button) {
      button.setAttribute('aria-expanded', String(open));
    });
  }
  // On small screens a list's filter form folds behind a "Filters" button that says how many filters are set; on wide
  // screens the button is hidden by CSS and the form always shows. Without JavaScript the form simply shows.
  function foldFilters(root) {
    root.querySelectorAll('form.card.filters:not([data-collapsible])').forEach(function (form, index) {
      if (!form.id) { form.id = 'filters-' + index; }
      var button = document.createElement('button');
      button.type = 'button';
      button.className = 'btn btn-sm filters-toggle';
      button.setAttribute('data-filters-toggle', '');
      button.setAttribute('aria-controls', form.id);
      button.setAttribute('aria-expanded', 'false');
      form.setAttribute('data-collapsible', '');
      form.parentNode.insertBefore(button, form);
    });
    countFilters();
  }
  // The button counts the filters in the address, which htmx keeps up to date as the list is filtered.
  function countFilters() {
    var set = 0;
    new URLSearchParams(location.search).forEach(function (value, key) {
      if (value && ['page', 'size', 'sort'].indexOf(key) < 0) { set++; }
    });
    document.querySelectorAll('[data-filters-toggle]').forEach(function (button) {
      button.textContent = set > 0 ? 'Filters (' + set + ')' : 'Filters';
    });
  }
  document.addEventListener('htmx:pushedIntoHistory', countFilters);
  document.addEventListener('DOMContentLoaded', function () { foldFilters(document); });
  document.addEventListener('htmx:afterSwap', function (event) { foldFilters(event.target); });
  // A table, board or chart that scrolls sideways in its own frame must be reachable by keyboard to be scrolled
  // (WCAG 2.1.1): such a frame joins the tab order while, at this window width, it has something to scroll.
  function focusableScrollers() {
    document.querySelectorAll('.table-wrap, .task-board, .gantt-scroll').forEach(function (frame) {
      var scrolls = frame.scrollWidth > frame.clientWidth + 1;
      if (scrolls && !frame.hasAttribute('tabindex')) {
        frame.setAttribute('tabindex', '0');
        frame.setAttribute('data-scroll-focus', '');
      } else if (!scrolls && frame.hasAttribute('data-scroll-focus')) {
        frame.removeAttribute('tabindex');
        frame.removeAttribute('data-scroll-focus');
      }
    });
  }
  var resizing;
  window.addEventListener('resize', function () { clearTimeout(resizing); resizing = setTimeout(focusableScrollers, 150); });
  document.addEventListener('DOMContentLoaded', focusableScrollers);
  document.addEventListener('htmx:afterSettle', focusableScrollers);
  // Toasts leave by themselves after a while; errors and notices (something to see to) stay until dismissed.
  // The while starts once the page has loaded (a slow preview frame must not eat a person's reading time) and
  // waits while the pointer or focus is on the toast.
  function autoDismiss(root) {
    root.querySelectorAll('.toast:not(.toast-error):not(.toast-notice)').forEach(function (toast) {
      var timer;
      function start() { clearTimeout(timer); timer = setTimeout(function () { toast.remove(); }, 6000); }
      function hold() { clearTimeout(timer); }
      toast.addEventListener('mouseenter', hold);
      toast.addEventListener('focusin', hold);
      toast.addEventListener('mouseleave', start);
      toast.addEventListener('focusout', start);
      start();
    });
  }
  window.addEventListener('load', function () { autoDismiss(document); });
  document.addEventListener('htmx:afterSwap', function (event) { autoDismiss(event.target); });
  // Close an open <details> menu when clicking elsewhere or pressing Escape.
  document.addEventListener('click', function (event) {
    document.querySelectorAll('details.menu[open]').forEach(function (menu) {
      if (!menu.contains(event.target)) { menu.removeAttribute('open'); }
    });
  });
  document.addEventListener('keydown', function (event) {
    if (event.key === 'Escape') {
      document.querySelectorAll('details.menu[open]').forEach(function (menu) { menu.removeAttribute('open'); });
      if (document.body.classList.contains('nav-open')) {
        setNavOpen(false);
        var toggle = document.querySelector('[data-nav-toggle]');
        if (toggle) { toggle.focus(); }
      }
    }
  });
})();

// Live top-bar counts (the notification bell): each top-bar entry's page streams server-sent events when its count
// changes, on whichever node serves the browser; the badges are then re-read and swapped in place (GET /nav/badges),
// and 'fd:elsewhere' tells the page's parts that listen for it (the home page's sections) to read themselves again:
// what raised the bell (a task assigned, an approval asked) is what they show.
(function () {
  var sources = {};
  function connect() {
    document.querySelectorAll('.topbar-link[data-stream]').forEach(function (link) {
      var url = link.getAttribute('data-stream');
      if (sources[url] || !window.EventSource) return;
      var source = new EventSource(url);
      sources[url] = source;
      // the first event is the count as the page was drawn with it: only a change sends the sections reading
      var last = null;
      source.addEventListener('unseen', function (event) {
        if (window.htmx) window.htmx.ajax('GET', '/nav/badges', { swap: 'none' });
        if (last !== null && event.data !== last) document.body.dispatchEvent(new CustomEvent('fd:elsewhere'));
        last = event.data;
      });
    });
  }
  // once the page has loaded: a stream opened earlier would keep the page "loading" for as long as it lasts
  if (document.readyState === 'complete') connect(); else window.addEventListener('load', connect);
})();


// Live page parts: an element with data-live-source (a server-sent event stream's address) is read again in place
// each time the stream says it changed: the stream's 'changed' event fires 'fd:live' on it, and its own htmx
// attributes (hx-trigger="fd:live", hx-get, hx-swap) do the reading. One stream per data-live-key serves the part and
// every copy of it that a swap puts in its place, so a part swapped in does not open a second stream.
(function () {
  var sources = {};
  function connect(root) {
    if (!window.EventSource || !root.querySelectorAll) return;
    var parts = Array.prototype.slice.call(root.querySelectorAll('[data-live-source]'));
    if (root.matches && root.matches('[data-live-source]')) parts.push(root);
    parts.forEach(function (part) {
      var key = part.getAttribute('data-live-key') || part.getAttribute('data-live-source');
      if (sources[key]) return;
      var source = new EventSource(part.getAttribute('data-live-source'));
      sources[key] = source;
      source.addEventListener('changed', function () {
        document.querySelectorAll('[data-live-source]').forEach(function (target) {
          var targetKey = target.getAttribute('data-live-key') || target.getAttribute('data-live-source');
          if (targetKey === key && window.htmx) window.htmx.trigger(target, 'fd:live');
        });
      });
    });
  }
  // once the page has loaded (a stream opened earlier would keep the page "loading"), and in whatever htmx brings in
  function start() {
    connect(document);
    document.body.addEventListener('htmx:load', function (event) { connect(event.target); });
  }
  if (document.readyState === 'complete') start(); else window.addEventListener('load', start);
})();
