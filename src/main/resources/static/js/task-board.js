// The task board's drag and drop: a card dropped on another column posts the move (with the CSRF header htmx uses)
// and the board is replaced by what the server answers, so a refused move puts the card back and says why.
// HTML5 drag and drop does the work where the browser starts it; where it does not (synthetic mouse input, some
// headless and touch set-ups), pressing a card and releasing it over another column does the same.
// Each card says which moves its status allows (data-allowed) and which of those an open predecessor holds back
// (data-waiting, with data-waiting-reason): a column the card may not go to is marked as refused while the card is
// over it, with the reason, and a drop there posts nothing. After a saved move the page hears fd:changed, so cards and
// badges that listen for it reload themselves.
(function () {
  var dragged = null;
  var pressed = null; // {card, x, y, moved} between mousedown and mouseup when no native drag started

  function column(target) {
    return target && target.closest ? target.closest('.board-column') : null;
  }

  function clearTargets() {
    document.querySelectorAll('.board-column.drop-target, .board-column.drop-refused').forEach(function (c) {
      c.classList.remove('drop-target', 'drop-refused');
      c.removeAttribute('data-refusal');
    });
  }

  function words(card, name) {
    var value = card.getAttribute(name);
    return value ? value.split(' ') : [];
  }

  // Why the card may not go to this column, or null when it may (its own column is no move at all).
  function refusal(card, target) {
    var status = target.getAttribute('data-status');
    if (column(card) === target) { return null; }
    var title = card.getAttribute('data-title') || 'This task';
    if (words(card, 'data-waiting').indexOf(status) >= 0) {
      return (card.getAttribute('data-waiting-reason') || 'Waiting for a predecessor') + ': ' + title + ' cannot start yet';
    }
    if (words(card, 'data-allowed').indexOf(status) < 0) {
      var label = target.querySelector('.board-column-head span');
      return title + ' cannot move from ' + (card.getAttribute('data-status-label') || 'its status') + ' to '
        + (label ? label.textContent : status);
    }
    return null;
  }

  // Marks the column under the card as a target, or as refused with the reason shown on it and read out.
  function mark(target, card) {
    clearTargets();
    if (!target || column(card) === target) { return true; }
    var reason = refusal(card, target);
    if (reason) {
      target.classList.add('drop-refused');
      target.setAttribute('data-refusal', reason);
      say(reason);
      return false;
    }
    target.classList.add('drop-target');
    return true;
  }

  function headers() {
    var configured = document.body.getAttribute('hx-headers');
    var all = configured ? JSON.parse(configured) : {};
    all['HX-Request'] = 'true';
    all['Content-Type'] = 'application/x-www-form-urlencoded';
    return all;
  }

  function say(message) {
    var live = document.getElementById('board-live');
    if (live && live.textContent !== message) { live.textContent = message; }
  }

  function move(taskId, status) {
    var board = document.getElementById('board');
    var url = board.getAttribute('data-move-url').replace('{taskId}', taskId);
    say('Moving…');
    fetch(url, { method: 'POST', headers: headers(), credentials: 'same-origin', body: 'status=' + encodeURIComponent(status) })
      .then(function (response) {
        if (!response.ok) { throw new Error(String(response.status)); }
        return response.text();
      })
      .then(function (html) {
        // looked up again: another move's answer may have replaced the board meanwhile
        var current = document.getElementById('board');
        if (!current) { return; }
        current.outerHTML = html;
        var fresh = document.getElementById('board');
        if (window.htmx) { window.htmx.process(fresh); }
        if (fresh && !fresh.querySelector('.alert-error')) { // saved: whatever shows state elsewhere reloads
          document.body.dispatchEvent(new Event('fd:changed'));
        }
      })
      .catch(function () {
        say('The move could not be saved. The page reloads to show the board as it is.');
        window.location.reload(); // puts the card back where the server has it
      });
  }

  function dropOn(target, card) {
    var from = column(card);
    clearTargets();
    if (!target || from === target) { return; }
    var reason = refusal(card, target);
    if (reason) { say('Not moved. ' + reason + '.'); return; } // the card stays; nothing is posted
    target.querySelector('.board-cards').appendChild(card); // shown at once; the answer settles it
    move(card.getAttribute('data-task-id'), target.getAttribute('data-status'));
  }

  document.addEventListener('mousedown', function (event) {
    var card = event.button === 0 && event.target.closest ? event.target.closest('.task-card[draggable="true"]') : null;
    if (!card || event.target.closest('summary, button, .menu-panel')) { return; }
    pressed = { card: card, x: event.clientX, y: event.clientY, moved: false };
  });

  document.addEventListener('mousemove', function (event) {
    if (!pressed) { return; }
    if (!pressed.moved && Math.abs(event.clientX - pressed.x) + Math.abs(event.clientY - pressed.y) > 6) {
      pressed.moved = true;
      pressed.card.classList.add('dragging');
    }
    if (pressed.moved) {
      event.preventDefault(); // no text selection while dragging
      mark(column(document.elementFromPoint(event.clientX, event.clientY)), pressed.card);
    }
  });

  document.addEventListener('mouseup', function (event) {
    var press = pressed;
    pressed = null;
    if (!press || !press.moved) { return; }
    press.card.classList.remove('dragging');
    dropOn(column(document.elementFromPoint(event.clientX, event.clientY)), press.card);
  });

  // A click that ends a pointer drag must not follow the card's link.
  document.addEventListener('click', function (event) {
    if (event.target.closest && event.target.closest('.task-card.dragging')) { event.preventDefault(); }
  }, true);

  document.addEventListener('dragstart', function (event) {
    var card = event.target.closest ? event.target.closest('.task-card[draggable="true"]') : null;
    if (!card) { return; }
    pressed = null; // the browser's own drag takes over
    dragged = card;
    event.dataTransfer.effectAllowed = 'move';
    event.dataTransfer.setData('text/plain', card.getAttribute('data-task-id'));
    card.classList.add('dragging');
  });

  document.addEventListener('dragend', function () {
    if (dragged) { dragged.classList.remove('dragging'); }
    dragged = null;
    clearTargets();
  });

  document.addEventListener('dragover', function (event) {
    var target = column(event.target);
    if (!target || !dragged) { return; }
    if (!mark(target, dragged)) { event.dataTransfer.dropEffect = 'none'; return; } // no preventDefault: no drop
    event.preventDefault(); // allows the drop
    event.dataTransfer.dropEffect = 'move';
  });

  document.addEventListener('drop', function (event) {
    var target = column(event.target);
    if (!target || !dragged) { return; }
    event.preventDefault();
    dropOn(target, dragged);
  });
})();
