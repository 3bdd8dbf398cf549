// The task board's drag and drop: a card dropped on another column posts the move (with the CSRF header htmx uses)
// and the board is replaced by what the server answers, so a refused move puts the card back and says why.
// HTML5 drag and drop does the work where the browser starts it; where it does not (synthetic mouse input, some
// headless and touch set-ups), pressing a card and releasing it over another column does the same.
(function () {
  var dragged = null;
  var pressed = null; // {card, x, y, moved} between mousedown and mouseup when no native drag started

  function column(target) {
    return target && target.closest ? target.closest('.board-column') : null;
  }

  function clearTargets() {
    document.querySelectorAll('.board-column.drop-target').forEach(function (c) { c.classList.remove('drop-target'); });
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
    if (live) { live.textContent = message; }
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
      var target = column(document.elementFromPoint(event.clientX, event.clientY));
      clearTargets();
      if (target) { target.classList.add('drop-target'); }
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
    event.preventDefault(); // allows the drop
    event.dataTransfer.dropEffect = 'move';
    clearTargets();
    target.classList.add('drop-target');
  });

  document.addEventListener('drop', function (event) {
    var target = column(event.target);
    if (!target || !dragged) { return; }
    event.preventDefault();
    dropOn(target, dragged);
  });
})();
