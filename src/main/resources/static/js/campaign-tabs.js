// Links written before the campaign page had tabs (/campaigns/{id}#approvals) still land on the card: its tab is
// opened. The overview carries each card's tab as data-card-tabs="card:tab ..." (an inline script would need the
// Content-Security-Policy's nonce).
(function () {
  var holder = document.querySelector('[data-card-tabs]');
  var card = window.location.hash.substring(1);
  if (!holder || !card) { return; }
  var tabOf = {};
  holder.getAttribute('data-card-tabs').split(' ').forEach(function (pair) {
    var colon = pair.indexOf(':');
    if (colon > 0) { tabOf[pair.substring(0, colon)] = pair.substring(colon + 1); }
  });
  // a card of the overview itself (guidance's, after its forms) stays here
  if (tabOf[card] && tabOf[card] !== 'overview') {
    window.location.replace(holder.getAttribute('data-tabs-base') + tabOf[card] + '#' + card);
  }
})();
