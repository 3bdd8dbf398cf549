// The asset pages: the upload zone (drag and drop or the file input, one row per file with its progress and outcome),
// the drawer an asset opens in, and the Undo toast after an archive.
//
// Uploads go one file per request through a transport, chosen per file by chooseTransport: transports.multipart sends
// a small file in one XMLHttpRequest (for its upload progress) to the zone's data-upload-url; transports.tus sends a
// file of data-resumable-from bytes or more with tus 1.0 to the same URL, in chunks, so that a dropped connection or a
// reload costs at most one chunk. Before a resumable upload the page hashes the file and asks data-by-hash-url whether
// the workspace already has the bytes, and sends nothing when it has. Whatever the transport, it resolves
// {status, body} with the server's answer (an UploadResult, or a problem document) or rejects with {network: true}
// when the connection stayed down, which the row offers to retry.
(function () {
  var CONCURRENT = 2;
  var TUS_CHUNK = 8 * 1024 * 1024;
  var HASH_CHUNK = 4 * 1024 * 1024;
  // waits before each retry of a chunk; the sixth failure in a row gives the row back to the member with Retry
  var RETRY_DELAYS = [1000, 2000, 4000, 8000, 15000];

  // ---- SHA-256 ----------------------------------------------------------------------------------------------------

  /**
   * The file's SHA-256 in hex, read job.hashChunk bytes at a time and fed to js-sha256 (the page loads it from its
   * WebJar): crypto.subtle.digest takes the whole file at once, which a multi-gigabyte video does not fit.
   * Rejects {aborted: true} once job.cancelled.
   */
  async function hashFile(job, onProgress) {
    var hash = sha256.create();
    for (var offset = 0; offset < job.file.size; offset += job.hashChunk) {
      if (job.cancelled) { throw {aborted: true}; }
      var end = Math.min(offset + job.hashChunk, job.file.size);
      hash.update(await job.file.slice(offset, end).arrayBuffer());
      onProgress(end, job.file.size);
    }
    return hash.hex();
  }

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
    },

    /**
     * tus 1.0: create the upload (or take the one remembered for this file), then PATCH chunk by chunk. A dropped
     * connection, a 5xx or a 423 waits, asks HEAD where the server's bytes end and goes on from there; after
     * RETRY_DELAYS run out it rejects {network: true}, and the row's Retry comes back here with job.uploadUrl, which
     * resumes rather than restarts. The upload's URL is kept in localStorage until it ends, so that choosing the same
     * file after a reload resumes too.
     */
    tus: async function (job, onProgress) {
      var size = job.file.size;
      var key = resumeKey(job);
      var url = job.uploadUrl || remembered(key);
      var offset = 0;
      if (url) {
        var state = await tusRequest(job, 'HEAD', url, {});
        if (state.status === 404 || state.status === 410) {
          forget(key); // expired, or another member's: start afresh
          url = null;
        } else if (state.status !== 200) {
          return answer(state);
        } else if (state.xhr.getResponseHeader('Flightdeck-Asset-Id')) {
          forget(key);
          return completed(job, state.xhr);
        } else {
          offset = Number(state.xhr.getResponseHeader('Upload-Offset'));
          onProgress(offset, size);
        }
      }
      if (!url) {
        var created = await tusRequest(job, 'POST', job.url, {
          'Upload-Length': String(size), 'Upload-Metadata': uploadMetadata(job)});
        if (created.status !== 201) { return answer(created); }
        url = created.xhr.getResponseHeader('Location');
        remember(key, url);
      }
      job.uploadUrl = url;
      var failures = 0;
      for (;;) {
        var sent = offset;
        var end = Math.min(offset + job.chunk, size);
        var res = null;
        try {
          res = await tusRequest(job, 'PATCH', url, {
            'Upload-Offset': String(offset), 'Content-Type': 'application/offset+octet-stream'},
          job.file.slice(offset, end), function (loaded) { onProgress(sent + loaded, size); });
        } catch (failure) {
          if (!failure.network) { throw failure; }
        }
        if (res && res.status === 204) {
          failures = 0;
          if (res.xhr.getResponseHeader('Flightdeck-Asset-Id')) {
            forget(key);
            return completed(job, res.xhr);
          }
          offset = Number(res.xhr.getResponseHeader('Upload-Offset'));
          continue;
        }
        var offsetMoved = res && res.status === 409 && res.body && res.body.uploadOffset !== undefined;
        if (res && !(res.status >= 500 || res.status === 423 || offsetMoved)) {
          // refused for good (a mismatching hash, too long, expired): the upload is over on the server's side
          if (res.status !== 401 && res.status !== 403) { forget(key); job.uploadUrl = null; }
          return answer(res);
        }
        if (failures >= RETRY_DELAYS.length) {
          if (res) { return answer(res); }
          throw {network: true};
        }
        await wait(RETRY_DELAYS[failures++], job);
        try {
          var head = await tusRequest(job, 'HEAD', url, {});
          if (head.status === 200 && head.xhr.getResponseHeader('Flightdeck-Asset-Id')) {
            forget(key);
            return completed(job, head.xhr);
          }
          if (head.status === 200) {
            offset = Number(head.xhr.getResponseHeader('Upload-Offset'));
            onProgress(offset, size);
          } else if (head.status === 404 || head.status === 410) {
            forget(key);
            job.uploadUrl = null;
            return answer(head);
          }
        } catch (failure) {
          if (!failure.network) { throw failure; }
        }
      }
    }
  };

  /** One tus request with the protocol's and the session's headers; resolves {status, body, xhr}. */
  function tusRequest(job, method, url, headers, body, onUpload) {
    return new Promise(function (resolve, reject) {
      if (job.cancelled) { reject({aborted: true}); return; }
      var xhr = new XMLHttpRequest();
      xhr.open(method, url);
      xhr.setRequestHeader('Tus-Resumable', '1.0.0');
      xhr.setRequestHeader('Accept', 'application/json');
      xhr.setRequestHeader('HX-Request', 'true');
      var csrf = csrfHeader();
      if (csrf) { xhr.setRequestHeader(csrf.name, csrf.value); }
      Object.keys(headers).forEach(function (name) { xhr.setRequestHeader(name, headers[name]); });
      if (onUpload) {
        xhr.upload.onprogress = function (event) { onUpload(event.loaded); };
      }
      xhr.onload = function () {
        var parsed = null;
        try { parsed = JSON.parse(xhr.responseText); } catch (e) { parsed = null; }
        resolve({status: xhr.status, body: parsed, xhr: xhr});
      };
      xhr.onerror = function () { reject({network: true}); };
      xhr.ontimeout = function () { reject({network: true}); };
      xhr.onabort = function () { reject({aborted: true}); };
      job.abort = function () { xhr.abort(); };
      xhr.send(body || null);
    });
  }

  function answer(res) {
    return {status: res.status, body: res.body, redirect: res.xhr.getResponseHeader('HX-Redirect')};
  }

  /** The tus answer names only the asset; the bytes were unknown when we asked, so this is a new asset. */
  function completed(job, xhr) {
    return {status: 201, body: {asset: {id: xhr.getResponseHeader('Flightdeck-Asset-Id'), name: job.file.name},
      duplicate: false}};
  }

  function wait(millis, job) {
    return new Promise(function (resolve, reject) {
      var timer = setTimeout(resolve, millis);
      job.abort = function () { clearTimeout(timer); reject({aborted: true}); };
    });
  }

  function uploadMetadata(job) {
    var pairs = {filename: job.file.name};
    if (job.spaceId) { pairs.spaceId = job.spaceId; }
    if (job.sha256) { pairs.sha256 = job.sha256; }
    return Object.keys(pairs).map(function (name) { return name + ' ' + base64(pairs[name]); }).join(',');
  }

  function base64(text) {
    var bytes = new TextEncoder().encode(text);
    var binary = '';
    for (var i = 0; i < bytes.length; i++) { binary += String.fromCharCode(bytes[i]); }
    return btoa(binary);
  }

  // The same file chosen again (after a reload, say) is recognised by its name, size and date, and its space.
  function resumeKey(job) {
    return 'flightdeck.upload:' + (job.spaceId || 'library') + ':' + job.file.name + ':' + job.file.size + ':'
        + job.file.lastModified;
  }

  function remembered(key) {
    try { return localStorage.getItem(key); } catch (e) { return null; }
  }

  function remember(key, url) {
    try { localStorage.setItem(key, url); } catch (e) { /* private mode: resuming within the page still works */ }
  }

  function forget(key) {
    try { localStorage.removeItem(key); } catch (e) { /* nothing was kept */ }
  }

  /** Resumable for files of the zone's data-resumable-from bytes or more; one request for smaller ones. */
  function chooseTransport(job) {
    return job.resumableFrom > 0 && job.file.size >= job.resumableFrom ? transports.tus : transports.multipart;
  }

  function csrfObject() {
    var csrf = csrfHeader();
    var headers = {};
    if (csrf) { headers[csrf.name] = csrf.value; }
    return headers;
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
        var job = {file: file, url: zone.dataset.uploadUrl, spaceId: zone.dataset.spaceId || null,
          byHashUrl: zone.dataset.byHashUrl, resumableFrom: Number(zone.dataset.resumableFrom || 0),
          chunk: Number(zone.dataset.resumableChunk || 0) || TUS_CHUNK,
          hashChunk: Number(zone.dataset.hashChunk || 0) || HASH_CHUNK};
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
      job.cancelled = false;
      job.running = true;
      job.abort = null;
      status(job, 'uploading', 'Uploading…');
      job.progress.value = 0;
      job.retry.hidden = true;
      var transport = chooseTransport(job);
      job.cancel.hidden = transport !== transports.tus;
      var onProgress = function (loaded, total) {
        job.progress.value = Math.round(loaded * 100 / total);
        job.progress.setAttribute('aria-valuetext', job.progress.value + ' %');
        status(job, 'uploading', job.progress.value < 100 ? job.progress.value + ' %' : 'Checking the file…');
      };
      var run = transport === transports.tus ? askFirst(job).then(function (known) {
        return known || transport(job, onProgress);
      }) : transport(job, onProgress);
      run.then(function (answer) {
        outcome(job, answer);
      }, function (failure) {
        if (job.cancelled) {
          finish(job, 'error', 'Cancelled: nothing of it was kept.');
        } else if (failure && failure.network) {
          finish(job, 'error', job.uploadUrl ? 'The connection dropped; Retry goes on where it stopped.'
              : 'The connection dropped before the file arrived.', true);
        } else {
          finish(job, 'error', 'The upload was stopped.', true);
        }
      }).then(function () {
        running--;
        pump();
      });
    }

    /**
     * Before a resumable upload: hash the file and ask whether the workspace has its bytes. Resolves the server's
     * answer when it has (nothing is sent), or null to upload, with job.sha256 set so the server verifies the file.
     * A file with an upload under way (job.uploadUrl, or one remembered from before a reload) goes on instead.
     */
    async function askFirst(job) {
      if (job.uploadUrl || remembered(resumeKey(job))) {
        status(job, 'uploading', 'Resuming…');
        return null;
      }
      if (!job.sha256) {
        status(job, 'checking', 'Checking the library…');
        job.sha256 = await hashFile(job, function (read, total) {
          var percent = Math.round(read * 100 / total);
          job.progress.setAttribute('aria-valuetext', 'Checking the library, ' + percent + ' %');
          status(job, 'checking', 'Checking the library… ' + percent + ' %');
        });
      }
      var res = await fetch(job.byHashUrl, {method: 'POST', credentials: 'same-origin',
        headers: Object.assign({'Content-Type': 'application/json', 'Accept': 'application/json', 'HX-Request': 'true'},
            csrfObject()),
        body: JSON.stringify({sha256: job.sha256, fileName: job.file.name, spaceId: job.spaceId})});
      var body = null;
      try { body = await res.json(); } catch (e) { body = null; }
      if (res.status === 404 && body && body.type && /content-unknown$/.test(body.type)) { return null; }
      return {status: res.status, body: body, redirect: res.headers.get('HX-Redirect'), nothingSent: true};
    }

    function cancel(job) {
      job.cancelled = true;
      var url = job.uploadUrl || remembered(resumeKey(job));
      forget(resumeKey(job));
      job.uploadUrl = null;
      if (url) {
        tusRequest({}, 'DELETE', url, {}).catch(function () { /* gone already, or expires by itself */ });
      }
      job.cancel.hidden = true;
      if (job.running) {
        if (job.abort) { job.abort(); } // while hashing, the next chunk sees job.cancelled
      } else {
        // nothing is running: the row already counts as failed
        status(job, 'error', 'Cancelled: nothing of it was kept.');
        job.retry.hidden = true;
      }
    }

    function outcome(job, answer) {
      var body = answer.body || {};
      if (answer.status === 201 || (answer.status === 200 && body.asset)) {
        job.progress.value = 100;
        var asset = body.asset;
        if (answer.nothingSent) {
          var known = asset.name === job.file.name ? 'Already in the library' : 'Already in the library as “' + asset.name + '”';
          finish(job, body.duplicate ? 'duplicate' : 'done', known + ' — nothing to send' + (body.linked ? ', linked here' : ''),
              false, asset);
        } else if (body.duplicate) {
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
      job.abort = null;
      job.running = false;
      job.cancel.hidden = !(retryable && job.uploadUrl);
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
      var stop = document.createElement('button');
      stop.type = 'button';
      stop.className = 'btn btn-sm btn-ghost';
      stop.textContent = 'Cancel';
      stop.setAttribute('aria-label', 'Cancel ' + job.file.name);
      stop.hidden = true;
      stop.addEventListener('click', function () { cancel(job); });
      var actions = document.createElement('span');
      actions.className = 'upload-actions';
      actions.appendChild(retry);
      actions.appendChild(stop);
      item.appendChild(head);
      item.appendChild(progress);
      item.appendChild(state);
      item.appendChild(actions);
      list.hidden = false;
      list.appendChild(item);
      job.progress = progress;
      job.status = state;
      job.retry = retry;
      job.cancel = stop;
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

  // The library's facets stand beside the results on a wide screen, where their summary is hidden; on a phone they
  // fold into their "Narrow down" disclosure. The page serves it open, so that without JavaScript the facets show.
  // Updates swap what is inside it only, so a member's opening or closing it stays as they left it.
  function foldFacets() {
    var facets = document.querySelector('[data-facets-disclosure]');
    if (!facets) { return; }
    var phone = window.matchMedia('(max-width: 860px)');
    facets.open = !phone.matches;
    phone.addEventListener('change', function () { facets.open = !phone.matches; });
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
    document.addEventListener('DOMContentLoaded', function () { setUp(document); foldFacets(); });
  } else {
    setUp(document);
    foldFacets();
  }
})();
