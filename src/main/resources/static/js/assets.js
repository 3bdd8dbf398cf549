// The asset pages: the upload zone (drag and drop or the file input, one row per file with its progress and outcome),
// the drawer an asset opens in, and the Undo toast after an archive.
//
// Uploads go one file per request through a transport: transports.multipart sends the file with XMLHttpRequest (for
// its upload progress) to the zone's data-upload-url, with the session's CSRF header. A resumable transport (tus) can
// take over large files later: add transports.tus with the same signature and pick it in chooseTransport. Whatever the
// transport, it resolves {status, body} with the server's answer (an UploadResult, or a problem document) or rejects
// with {network: true} when the connection dropped, which the row offers to retry.
(function () {
  var CONCURRENT = 2;

  // ---- transports -------------------------------------------------------------------------------------------------

  var transports = {
    multipart: function (job, onProgress) {
      return new Promise(function (resolve, reject) {
        var xhr = new XMLHttpRequest();
        xhr.open('POST', job.url);
        xhr.setRequestHeader('Accept', 'application/json');
        // htmx's header: an ended session answers 401 with HX-Redirect instead of the sign-in page's HTML
        xhr.setRequestHeader('HX-Request', 'true');
        var csrf = csrfHeader();
        if (csrf) { xhr.setRequestHeader(csrf.name, csrf.value); }
        xhr.upload.onprogress = function (event) {
          if (event.lengthComputable) { onProgress(event.loaded, event.total); }
        };
        xhr.onload = function () {
          var body = null;
          try { body = JSON.parse(xhr.responseText); } catch (e) { body = null; }
          resolve({status: xhr.status, body: body, redirect: xhr.getResponseHeader('HX-Redirect')});
        };
        xhr.onerror = function () { reject({network: true}); };
        xhr.ontimeout = function () { reject({network: true}); };
        xhr.onabort = function () { reject({aborted: true}); };
        var form = new FormData();
        form.append('file', job.file, job.file.name);
        if (job.spaceId) { form.append('spaceId', job.spaceId); }
        job.abort = function () { xhr.abort(); };
        xhr.send(form);
      });
    }
  };

  /** The transport for a file: multipart for now; a tus transport would take files above some size. */
  function chooseTransport(file) {
    return transports.multipart;
  }

  function csrfHeader() {
    try {
      var headers = JSON.parse(document.body.getAttribute('hx-headers') || '{}');
      var name = Object.keys(headers)[0];
      return name ? {name: name, value: headers[name]} : null;
    } catch (e) {
      return null;
    }
  }

  // ---- the upload zone --------------------------------------------------------------------------------------------

  function humanSize(bytes) {
    if (bytes < 1024) { return bytes + ' B'; }
    var units = ['KB', 'MB', 'GB', 'TB'];
    var value = bytes;
    var unit = -1;
    while (value >= 1024 && unit < units.length - 1) { value /= 1024; unit++; }
    var text = value >= 100 || value === Math.floor(value) ? String(Math.round(value)) : value.toFixed(1).replace(/\.0$/, '');
    return text + ' ' + units[unit];
  }

  var nextRow = 0;
  var changedTimer;

  /** Tells the page something changed, so the grid and the counts reload (once for a burst of uploads). */
  function changed() {
    clearTimeout(changedTimer);
    changedTimer = setTimeout(function () { document.body.dispatchEvent(new Event('fd:changed')); }, 250);
  }

  function setUpZone(zone) {
    if (zone.dataset.uploadReady) { return; }
    zone.dataset.uploadReady = 'true';
    var input = zone.querySelector('[data-upload-input]');
    var target = zone.querySelector('[data-drop-target]');
    var list = zone.querySelector('[data-upload-list]');
    var summary = zone.querySelector('[data-upload-summary]');
    var queue = [];
    var running = 0;
    var counts = {done: 0, failed: 0, total: 0};

    input.addEventListener('change', function () {
      add(input.files);
      input.value = '';
    });
    var depth = 0;
    target.addEventListener('dragenter', function (event) {
      event.preventDefault();
      depth++;
      target.classList.add('drag-over');
    });
    target.addEventListener('dragover', function (event) {
      event.preventDefault();
      event.dataTransfer.dropEffect = 'copy';
    });
    target.addEventListener('dragleave', function () {
      depth = Math.max(0, depth - 1);
      if (depth === 0) { target.classList.remove('drag-over'); }
    });
    target.addEventListener('drop', function (event) {
      event.preventDefault();
      depth = 0;
      target.classList.remove('drag-over');
      if (event.dataTransfer && event.dataTransfer.files) { add(event.dataTransfer.files); }
    });

    function add(files) {
      Array.prototype.forEach.call(files, function (file) {
        var job = {file: file, url: zone.dataset.uploadUrl, spaceId: zone.dataset.spaceId || null};
        job.row = row(job);
        counts.total++;
        var max = Number(zone.dataset.maxBytes || 0);
        if (max > 0 && file.size > max) {
          finish(job, 'error', 'Too large: this workspace accepts files up to ' + zone.dataset.maxLabel + '.');
          return;
        }
        if (file.size === 0) {
          finish(job, 'error', 'This file is empty.');
          return;
        }
        queue.push(job);
      });
      pump();
    }

    function pump() {
      while (running < CONCURRENT && queue.length > 0) {
        send(queue.shift());
      }
    }

    function send(job) {
      running++;
      status(job, 'uploading', 'Uploading…');
      job.progress.value = 0;
      job.retry.hidden = true;
      chooseTransport(job.file)(job, function (loaded, total) {
        job.progress.value = Math.round(loaded * 100 / total);
        job.progress.setAttribute('aria-valuetext', job.progress.value + ' %');
        status(job, 'uploading', job.progress.value < 100 ? job.progress.value + ' %' : 'Checking the file…');
      }).then(function (answer) {
        outcome(job, answer);
      }, function (failure) {
        if (failure && failure.network) {
          finish(job, 'error', 'The connection dropped before the file arrived.', true);
        } else {
          finish(job, 'error', 'The upload was stopped.', true);
        }
      }).then(function () {
        running--;
        pump();
      });
    }

    function outcome(job, answer) {
      var body = answer.body || {};
      if (answer.status === 201 || (answer.status === 200 && body.asset)) {
        job.progress.value = 100;
        var asset = body.asset;
        if (body.duplicate) {
          finish(job, 'duplicate', asset.name === job.file.name ? 'Already in the library — linked'
              : 'Already in the library as “' + asset.name + '” — linked', false, asset);
        } else {
          finish(job, 'done', 'Added', false, asset);
        }
        changed();
        return;
      }
      if (answer.status === 401) {
        finish(job, 'error', 'Your session has ended: sign in again, then upload the file once more.', false, null, '/login');
        return;
      }
      if (answer.status === 403) {
        finish(job, 'error', 'This upload was refused: you may not add assets here, or the page is out of date (reload it).');
        return;
      }
      var detail = body.detail || ('The upload failed (' + answer.status + ').');
      if (body.limitBytes) {
        detail = detail.replace(/at most \d+ bytes/, 'at most ' + humanSize(body.limitBytes));
      }
      if (body.errors && body.errors.length && body.errors[0].message) {
        detail = 'Refused: ' + body.errors.map(function (e) { return e.field + ' ' + e.message; }).join('; ') + '.';
      }
      finish(job, 'error', detail, answer.status >= 500);
    }

    function finish(job, state, text, retryable, asset, href) {
      status(job, state, text);
      if (state === 'error') {
        job.progress.hidden = true;
        counts.failed++;
      } else {
        job.progress.value = 100;
        counts.done++;
      }
      if (asset || href) {
        var link = document.createElement('a');
        link.href = href || '/assets/' + asset.id;
        link.textContent = href ? 'Sign in' : 'Open';
        if (asset) { link.setAttribute('aria-label', 'Open ' + asset.name); }
        job.status.appendChild(document.createTextNode(' '));
        job.status.appendChild(link);
      }
      job.retry.hidden = !retryable;
      announce(job, state, text);
    }

    function announce(job, state, text) {
      var settled = counts.done + counts.failed;
      summary.textContent = job.file.name + ': ' + text + '. ' + settled + ' of ' + counts.total
          + (counts.total === 1 ? ' file' : ' files') + ' done' + (counts.failed > 0 ? ', ' + counts.failed + ' failed.' : '.');
    }

    function status(job, state, text) {
      job.row.dataset.state = state;
      job.status.textContent = text;
    }

    function row(job) {
      var id = 'upload-' + (++nextRow);
      var item = document.createElement('li');
      item.className = 'upload-row';
      var head = document.createElement('div');
      head.className = 'upload-row-head';
      var label = document.createElement('label');
      label.className = 'upload-name';
      label.htmlFor = id;
      label.textContent = job.file.name;
      var size = document.createElement('span');
      size.className = 'upload-size';
      size.textContent = humanSize(job.file.size);
      head.appendChild(label);
      head.appendChild(size);
      var progress = document.createElement('progress');
      progress.id = id;
      progress.max = 100;
      progress.value = 0;
      var state = document.createElement('span');
      state.className = 'upload-status';
      state.textContent = 'Waiting…';
      var retry = document.createElement('button');
      retry.type = 'button';
      retry.className = 'btn btn-sm';
      retry.textContent = 'Retry';
      retry.setAttribute('aria-label', 'Retry ' + job.file.name);
      retry.hidden = true;
      retry.addEventListener('click', function () {
        retry.hidden = true;
        progress.hidden = false;
        counts.failed--;
        queue.push(job);
        pump();
      });
      item.appendChild(head);
      item.appendChild(progress);
      item.appendChild(state);
      item.appendChild(retry);
      list.hidden = false;
      list.appendChild(item);
      job.progress = progress;
      job.status = state;
      job.retry = retry;
      return item;
    }
  }

  // ---- the drawer -------------------------------------------------------------------------------------------------

  var opener = null;
  document.addEventListener('htmx:beforeRequest', function (event) {
    var link = event.detail.elt && event.detail.elt.closest && event.detail.elt.closest('[data-asset-drawer]');
    if (link) { opener = link; }
  });
  document.addEventListener('htmx:afterSwap', function (event) {
    if (event.detail.target && event.detail.target.id === 'asset-drawer-body') {
      var dialog = event.detail.target.closest('dialog');
      var title = dialog.querySelector('#asset-drawer-title');
      if (title) { dialog.setAttribute('aria-labelledby', 'asset-drawer-title'); dialog.removeAttribute('aria-label'); }
      if (!dialog.open) { dialog.showModal(); }
      var first = dialog.querySelector('.drawer-head a, .drawer-head button');
      if (first) { first.focus(); }
    }
    setUp(event.detail.target || document);
  });
  document.addEventListener('close', function (event) {
    if (event.target.matches && event.target.matches('[data-asset-drawer-dialog]')) {
      if (opener && document.body.contains(opener)) {
        opener.focus();
      } else {
        var results = document.getElementById('asset-results');
        if (results) { results.setAttribute('tabindex', '-1'); results.focus(); }
      }
    }
  }, true);
  // a click on the backdrop (the dialog itself, outside its content) closes the drawer
  document.addEventListener('click', function (event) {
    if (event.target.matches && event.target.matches('[data-asset-drawer-dialog]')) { event.target.close(); }
  });

  // ---- undo toasts, the empty state's upload button ---------------------------------------------------------------

  document.addEventListener('click', function (event) {
    var dismiss = event.target.closest('[data-undo-dismiss]');
    if (dismiss) { dismiss.closest('[data-undo-toast]').remove(); }
    var choose = event.target.closest('[data-upload-choose]');
    if (choose) {
      var input = document.querySelector('[data-upload-input]');
      if (input) { input.click(); }
    }
  });

  function setUp(root) {
    if (!root.querySelectorAll) { return; }
    root.querySelectorAll('[data-upload-zone]').forEach(setUpZone);
    var toasts = document.getElementById('toasts');
    if (toasts) {
      root.querySelectorAll('[data-undo-toast]').forEach(function (toast) {
        if (toast.parentNode !== toasts) { toasts.appendChild(toast); }
      });
    }
  }

  // A file dropped beside the zone must not make the browser leave the page to show it.
  ['dragover', 'drop'].forEach(function (name) {
    document.addEventListener(name, function (event) {
      if (document.querySelector('[data-upload-zone]') && !event.target.closest('[data-drop-target]')) {
        event.preventDefault();
      }
    });
  });

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', function () { setUp(document); });
  } else {
    setUp(document);
  }
})();
