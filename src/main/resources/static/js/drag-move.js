// Drag and drop for the pages that move an item to another place through the server: the task board's cards to another
// column (task-board.js), the content calendar's posts to another day (calendar.js). The server decides: the page
// shows the item in its new place at once, posts the move with the CSRF header htmx uses, and replaces its part of the
// page with the answer, so a refused move puts the item back and says why.
//
// HTML5 drag and drop does the work where the browser starts it; where it does not (synthetic mouse input, some
// headless and touch set-ups), pressing an item and releasing it over another place does the same.
//
// Not SortableJS: it reorders lists live under the pointer and hears only the list elements, while these pages drop
// onto a whole column or day (its heading included), leave the order to the server, and name a place they refuse
// while the item is still over it, which Sortable gives no hook for.
(function () {
  function within(node, selector) {
    return node && node.closest ? node.closest(selector) : null;
  }

  function say(live, message) {
    var region = document.getElementById(live);
    if (region && region.textContent !== message) { region.textContent = message; }
  }

  function headers() {
    var configured = document.body.getAttribute('hx-headers');
    var all = configured ? JSON.parse(configured) : {};
    all['HX-Request'] = 'true';
    all['Content-Type'] = 'application/x-www-form-urlencoded';
    return all;
  }

  /**
   * Makes options.item elements draggable onto options.place elements. options.ignore: where inside an item a press
   * starts no drag (its menu); options.refusal(item, place): why the item may not go there, or null; options.live: the
   * id of the live region that reads refusals out; options.drop(item, place): the move.
   */
  function attach(options) {
    var dragged = null;
    var pressed = null; // {item, x, y, moved} between mousedown and mouseup when no native drag started

    function place(node) { return within(node, options.place); }

    function refusal(item, target) {
      return options.refusal && place(item) !== target ? options.refusal(item, target) : null;
    }

    function clearMarks() {
      document.querySelectorAll(options.place + '.drop-target, ' + options.place + '.drop-refused').forEach(function (p) {
        p.classList.remove('drop-target', 'drop-refused');
        p.removeAttribute('data-refusal');
      });
    }

    // Marks the place under the item as a target, or as refused with the reason shown on it and read out.
    function mark(target, item) {
      clearMarks();
      if (!target || place(item) === target) { return true; }
      var reason = refusal(item, target);
      if (reason) {
        target.classList.add('drop-refused');
        target.setAttribute('data-refusal', reason);
        say(options.live, reason);
        return false;
      }
      target.classList.add('drop-target');
      return true;
    }

    function dropOn(target, item) {
      clearMarks();
      if (!target || place(item) === target) { return; }
      var reason = refusal(item, target);
      if (reason) { say(options.live, 'Not moved. ' + reason + '.'); return; } // the item stays; nothing is posted
      options.drop(item, target);
    }

    function under(event) { return place(document.elementFromPoint(event.clientX, event.clientY)); }

    document.addEventListener('mousedown', function (event) {
      var item = event.button === 0 ? within(event.target, options.item) : null;
      if (!item || (options.ignore && within(event.target, options.ignore))) { return; }
      pressed = {item: item, x: event.clientX, y: event.clientY, moved: false};
    });

    document.addEventListener('mousemove', function (event) {
      if (!pressed) { return; }
      if (!pressed.moved && Math.abs(event.clientX - pressed.x) + Math.abs(event.clientY - pressed.y) > 6) {
        pressed.moved = true;
        pressed.item.classList.add('dragging');
      }
      if (pressed.moved) {
        event.preventDefault(); // no text selection while dragging
        mark(under(event), pressed.item);
      }
    });

    document.addEventListener('mouseup', function (event) {
      var press = pressed;
      pressed = null;
      if (!press || !press.moved) { return; }
      press.item.classList.remove('dragging');
      dropOn(under(event), press.item);
    });

    // A click that ends a pointer drag must not follow the item's link.
    document.addEventListener('click', function (event) {
      if (within(event.target, options.item + '.dragging')) { event.preventDefault(); }
    }, true);

    document.addEventListener('dragstart', function (event) {
      var item = within(event.target, options.item);
      if (!item) { return; }
      pressed = null; // the browser's own drag takes over
      dragged = item;
      event.dataTransfer.effectAllowed = 'move';
      event.dataTransfer.setData('text/plain', item.textContent.trim());
      item.classList.add('dragging');
    });

    document.addEventListener('dragend', function () {
      if (dragged) { dragged.classList.remove('dragging'); }
      dragged = null;
      clearMarks();
    });

    document.addEventListener('dragover', function (event) {
      var target = place(event.target);
      if (!target || !dragged) { return; }
      if (!mark(target, dragged)) { event.dataTransfer.dropEffect = 'none'; return; } // no preventDefault: no drop
      event.preventDefault(); // allows the drop
      event.dataTransfer.dropEffect = 'move';
    });

    document.addEventListener('drop', function (event) {
      var target = place(event.target);
      if (!target || !dragged) { return; }
      event.preventDefault();
      dropOn(target, dragged);
    });
  }

  /**
   * Posts a move and puts the server's answer in place of the element with the id options.swap (looked up again when
   * the answer comes, as another answer may have replaced it meanwhile), then calls options.settled with the new
   * element. When the move cannot be saved the page says so in options.live and reloads, which puts the item back
   * where the server has it.
   */
  function send(options) {
    say(options.live, 'Moving…');
    fetch(options.url, {method: 'POST', headers: headers(), credentials: 'same-origin', body: options.body})
      .then(function (response) {
        if (!response.ok) { throw new Error(String(response.status)); }
        return response.text();
      })
      .then(function (html) {
        var current = document.getElementById(options.swap);
        if (!current) { return; }
        current.outerHTML = html;
        var fresh = document.getElementById(options.swap);
        if (window.htmx) { window.htmx.process(fresh); }
        options.settled(fresh);
      })
      .catch(function () {
        say(options.live, 'The move could not be saved. The page reloads to show it as it is.');
        window.location.reload();
      });
  }

  window.flightdeckDragMove = {attach: attach, send: send, say: say};
})();
