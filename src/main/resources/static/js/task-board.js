// The task board's drag and drop (through drag-move.js): a card dropped on another column posts the move and the board
// is replaced by what the server answers, so a refused move puts the card back and says why.
// Each card says which moves its status allows (data-allowed) and which of those an open predecessor holds back
// (data-waiting, with data-waiting-reason): a column the card may not go to is marked as refused while the card is
// over it, with the reason, and a drop there posts nothing. After a saved move the page hears fd:changed, so cards and
// badges that listen for it reload themselves.
(function () {
  function words(card, name) {
    var value = card.getAttribute(name);
    return value ? value.split(' ') : [];
  }

  // Why the card may not go to this column, or null when it may.
  function refusal(card, column) {
    var status = column.getAttribute('data-status');
    var title = card.getAttribute('data-title') || 'This task';
    if (words(card, 'data-waiting').indexOf(status) >= 0) {
      return (card.getAttribute('data-waiting-reason') || 'Waiting for a predecessor') + ': ' + title + ' cannot start yet';
    }
    if (words(card, 'data-allowed').indexOf(status) < 0) {
      var label = column.querySelector('.board-column-head span');
      return title + ' cannot move from ' + (card.getAttribute('data-status-label') || 'its status') + ' to '
        + (label ? label.textContent : status);
    }
    return null;
  }

  function drop(card, column) {
    column.querySelector('.board-cards').appendChild(card); // shown at once; the answer settles it
    var board = document.getElementById('board');
    flightdeckDragMove.send({
      url: board.getAttribute('data-move-url').replace('{taskId}', card.getAttribute('data-task-id')),
      body: 'status=' + encodeURIComponent(column.getAttribute('data-status')),
      swap: 'board',
      live: 'board-live', // the answer's own live region says what came of it
      settled: function (fresh) {
        if (fresh && !fresh.querySelector('.alert-error')) { // saved: whatever shows state elsewhere reloads
          document.body.dispatchEvent(new Event('fd:changed'));
        }
      }
    });
  }

  flightdeckDragMove.attach({
    item: '.task-card[draggable="true"]',
    ignore: 'summary, button, .menu-panel',
    place: '.board-column',
    live: 'board-live',
    refusal: refusal,
    drop: drop
  });
})();
