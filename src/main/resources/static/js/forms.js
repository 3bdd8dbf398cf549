// Form helpers: live character counters ("12 / 200 characters") and the strategy's budget split rows
// (add and remove rows, the platforms ticked above as the only choices, the total kept up to date).
// Everything here improves a form that also works without it: the server checks the same rules.
(function () {
  function counters(root) {
    root.querySelectorAll('[data-counter]').forEach(function (field) {
      var counter = root.querySelector('[data-counter-for="' + field.id + '"]');
      if (!counter || field.dataset.counterBound) { return; }
      field.dataset.counterBound = 'true';
      var update = function () {
        counter.textContent = field.value.length + ' / ' + field.getAttribute('maxlength') + ' characters';
      };
      field.addEventListener('input', update);
      update();
    });
  }

  function totalText(sum, rows) {
    if (rows === 0) { return 'No split yet. Leave it empty when there is no paid media.'; }
    if (sum === 100) { return 'Total 100 % — all of the budget is allocated'; }
    return sum < 100 ? 'Total ' + sum + ' % — ' + (100 - sum) + ' % unallocated'
      : 'Total ' + sum + ' % — ' + (sum - 100) + ' % too much';
  }

  function budgetSplit(split) {
    var form = split.closest('form');
    var list = split.querySelector('[data-budget-rows]');
    var template = split.querySelector('[data-budget-row-template]');
    var total = split.querySelector('[data-budget-total]');

    function rows() { return Array.prototype.slice.call(list.querySelectorAll('[data-budget-row]')); }

    function ticked() {
      return Array.prototype.slice.call(form.querySelectorAll('input[name="platforms"]:checked'))
        .map(function (box) { return box.value; });
    }

    // Names stay budgetRows[0..n-1] after a removal, ids and labels follow them.
    function renumber() {
      rows().forEach(function (row, i) {
        var select = row.querySelector('[data-budget-platform]');
        var percent = row.querySelector('[data-budget-percent]');
        select.id = 'budget-platform-' + i;
        select.name = 'budgetRows[' + i + '].platform';
        percent.id = 'budget-percent-' + i;
        percent.name = 'budgetRows[' + i + '].percent';
        row.querySelectorAll('label')[0].htmlFor = select.id;
        row.querySelectorAll('label')[1].htmlFor = percent.id;
        row.querySelector('[data-budget-remove]').setAttribute('aria-label', 'Remove row ' + (i + 1));
      });
    }

    // Only the strategy's platforms can get a share; a row keeps its choice so nothing vanishes silently.
    function offer() {
      var platforms = ticked();
      rows().forEach(function (row) {
        var select = row.querySelector('[data-budget-platform]');
        Array.prototype.forEach.call(select.options, function (option) {
          if (!option.value) { return; }
          var allowed = platforms.indexOf(option.value) >= 0 || option.selected;
          option.hidden = !allowed;
          option.disabled = !allowed;
        });
      });
    }

    function recount() {
      var sum = 0;
      var filled = 0;
      rows().forEach(function (row) {
        var platform = row.querySelector('[data-budget-platform]').value;
        var value = row.querySelector('[data-budget-percent]').value;
        if (platform || value) { filled++; }
        var percent = parseInt(value, 10);
        if (!isNaN(percent)) { sum += percent; }
      });
      total.textContent = totalText(sum, filled);
      total.classList.toggle('budget-off', filled > 0 && sum !== 100);
    }

    split.addEventListener('click', function (event) {
      if (event.target.closest('[data-budget-add]')) {
        list.appendChild(template.content.cloneNode(true));
        renumber();
        offer();
        var added = rows()[rows().length - 1];
        added.querySelector('[data-budget-platform]').focus();
        recount();
      }
      var remove = event.target.closest('[data-budget-remove]');
      if (remove) {
        var row = remove.closest('[data-budget-row]');
        var index = rows().indexOf(row);
        row.remove();
        if (rows().length === 0) {
          list.appendChild(template.content.cloneNode(true));
        }
        renumber();
        offer();
        recount();
        var next = rows()[Math.min(index, rows().length - 1)];
        (next ? next.querySelector('[data-budget-platform]') : split.querySelector('[data-budget-add]')).focus();
      }
    });
    split.addEventListener('input', recount);
    split.addEventListener('change', recount);
    form.addEventListener('change', function (event) {
      if (event.target.name === 'platforms') { offer(); }
    });
    renumber();
    offer();
    recount();
  }

  function init() {
    counters(document);
    document.querySelectorAll('[data-budget-split]').forEach(function (split) {
      if (!split.dataset.bound) { split.dataset.bound = 'true'; budgetSplit(split); }
    });
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', init);
  } else {
    init();
  }
})();
