// The content calendar's drag and drop: a post dropped on another day posts the move (with the CSRF header htmx uses)
// and the calendar is replaced by what the server answers, so a refused move (the minimum gap, a post that went out
// meanwhile) puts the post back and says why. HTML5 drag and drop does the work where the browser starts it; where it
// does not (synthetic mouse input, some headless and touch set-ups), pressing a post and releasing it over another
// day does the same, as on the task board.
(function () {
  var dragged = null;
  var pressed = null; // {post, x, y, moved} between mousedown and mouseup when no native drag started

  function day(target) {
    return target && target.closest ? target.closest('.calendar-day') : null;
  }

  function clearTargets() {
    document.querySelectorAll('.calendar-day.drop-target').forEach(function (d) { d.classList.remove('drop-target'); });
  }

  function mark(target, post) {
    clearTargets();
    if (target && day(post) !== target) { target.classList.add('drop-target'); }
  }

  function say(message) {
    var live = document.getElementById('calendar-live');
    if (live && live.textContent !== message) { live.textContent = message; }
  }

  function headers() {
    var configured = document.body.getAttribute('hx-headers');
    var all = configured ? JSON.parse(configured) : {};
    all['HX-Request'] = 'true';
    all['Content-Type'] = 'application/x-www-form-urlencoded';
    return all;
  }

  function move(post, to) {
    var calendar = document.getElementById('calendar');
    var body = 'channelPostId=' + encodeURIComponent(post.getAttribute('data-channel-post-id'))
      + '&to=' + encodeURIComponent(to)
      + '&view=' + encodeURIComponent(calendar.getAttribute('data-view'))
      + '&date=' + encodeURIComponent(calendar.getAttribute('data-date'));
    var campaign = calendar.getAttribute('data-campaign-id');
    if (campaign) { body += '&campaignId=' + encodeURIComponent(campaign); }
    say('Moving…');
    fetch(calendar.getAttribute('data-move-url'), { method: 'POST', headers: headers(), credentials: 'same-origin', body: body })
      .then(function (response) {
        if (!response.ok) { throw new Error(String(response.status)); }
        return response.text();
      })
      .then(function (html) {
        var current = document.getElementById('calendar');
        if (!current) { return; }
        current.outerHTML = html;
        var fresh = document.getElementById('calendar');
        if (window.htmx) { window.htmx.process(fresh); }
        var error = fresh && fresh.querySelector('.alert-error');
        say(error ? 'Not moved. ' + error.textContent : 'Moved to ' + to + '.');
      })
      .catch(function () {
        say('The move could not be saved. The page reloads to show the calendar as it is.');
        window.location.reload();
      });
  }

  function dropOn(target, post) {
    clearTargets();
    if (!target || day(post) === target) { return; }
    target.querySelector('.calendar-posts').appendChild(post); // shown at once; the answer settles it
    move(post, target.getAttribute('data-date'));
  }

  document.addEventListener('mousedown', function (event) {
    var post = event.button === 0 && event.target.closest ? event.target.closest('.calendar-post[draggable="true"]') : null;
    if (!post) { return; }
    pressed = { post: post, x: event.clientX, y: event.clientY, moved: false };
  });

  document.addEventListener('mousemove', function (event) {
    if (!pressed) { return; }
    if (!pressed.moved && Math.abs(event.clientX - pressed.x) + Math.abs(event.clientY - pressed.y) > 6) {
      pressed.moved = true;
      pressed.post.classList.add('dragging');
    }
    if (pressed.moved) {
      event.preventDefault();
      mark(day(document.elementFromPoint(event.clientX, event.clientY)), pressed.post);
    }
  });

  document.addEventListener('mouseup', function (event) {
    var press = pressed;
    pressed = null;
    if (!press || !press.moved) { return; }
    press.post.classList.remove('dragging');
    dropOn(day(document.elementFromPoint(event.clientX, event.clientY)), press.post);
  });

  // A click that ends a pointer drag must not follow the post's link.
  document.addEventListener('click', function (event) {
    if (event.target.closest && event.target.closest('.calendar-post.dragging')) { event.preventDefault(); }
  }, true);

  document.addEventListener('dragstart', function (event) {
    var post = event.target.closest ? event.target.closest('.calendar-post[draggable="true"]') : null;
    if (!post) { return; }
    pressed = null;
    dragged = post;
    event.dataTransfer.effectAllowed = 'move';
    event.dataTransfer.setData('text/plain', post.getAttribute('data-channel-post-id'));
    post.classList.add('dragging');
  });

  document.addEventListener('dragend', function () {
    if (dragged) { dragged.classList.remove('dragging'); }
    dragged = null;
    clearTargets();
  });

  document.addEventListener('dragover', function (event) {
    var target = day(event.target);
    if (!target || !dragged) { return; }
    mark(target, dragged);
    event.preventDefault();
    event.dataTransfer.dropEffect = 'move';
  });

  document.addEventListener('drop', function (event) {
    var target = day(event.target);
    if (!target || !dragged) { return; }
    event.preventDefault();
    dropOn(target, dragged);
  });
})();
