// The content calendar's drag and drop (through drag-move.js): a post dropped on another day posts the move and the
// calendar is replaced by what the server answers, so a refused move (the minimum gap, a post that went out meanwhile)
// puts the post back and says why.
(function () {
  function drop(post, day) {
    day.querySelector('.calendar-posts').appendChild(post); // shown at once; the answer settles it
    var calendar = document.getElementById('calendar');
    var to = day.getAttribute('data-date');
    var body = 'channelPostId=' + encodeURIComponent(post.getAttribute('data-channel-post-id'))
      + '&to=' + encodeURIComponent(to)
      + '&view=' + encodeURIComponent(calendar.getAttribute('data-view'))
      + '&date=' + encodeURIComponent(calendar.getAttribute('data-date'));
    var campaign = calendar.getAttribute('data-campaign-id');
    if (campaign) { body += '&campaignId=' + encodeURIComponent(campaign); }
    flightdeckDragMove.send({
      url: calendar.getAttribute('data-move-url'),
      body: body,
      swap: 'calendar',
      live: 'calendar-live',
      settled: function (fresh) {
        var error = fresh && fresh.querySelector('.alert-error');
        flightdeckDragMove.say('calendar-live', error ? 'Not moved. ' + error.textContent : 'Moved to ' + to + '.');
      }
    });
  }

  flightdeckDragMove.attach({
    item: '.calendar-post[draggable="true"]',
    place: '.calendar-day',
    live: 'calendar-live',
    drop: drop
  });
})();
