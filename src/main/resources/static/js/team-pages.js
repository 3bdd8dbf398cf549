// Team and task pages: skills as chips (add from the "Add a skill" row with its button or Enter, remove with ×, change
// a level in the chip's own select), and ticking every member in the bulk schedule form.
// A chip is a hidden skillName and a skillLevel select, so the form posts the same pairs with or without this script;
// in a row of a bigger form (the template editor) the names carry the row's prefix and data-chip-within (" in row 4")
// goes into the new chip's control names.
(function () {
  function normalise(name) {
    return name.trim().toLowerCase().replace(/\s+/g, '-');
  }

  function say(box, message) {
    var live = box.querySelector('[data-chip-live]');
    if (live) { live.textContent = message; }
  }

  function chipNamed(box, name) {
    var found = null;
    box.querySelectorAll('[data-chip-list] .chip').forEach(function (chip) {
      var input = chip.querySelector('[data-chip-name]');
      if (input && normalise(input.value) === name) { found = chip; }
    });
    return found;
  }

  function addChip(box) {
    var input = box.querySelector('[data-chip-input]');
    var level = box.querySelector('[data-chip-level]');
    var name = normalise(input.value);
    if (!name) { say(box, 'Type a skill name first'); input.focus(); return; }
    var levelText = level.options[level.selectedIndex].text;
    var existing = chipNamed(box, name);
    if (existing) { // one chip per skill: adding it again changes its level
      existing.querySelector('select').value = level.value;
      say(box, name + ' is now at level ' + levelText);
    } else {
      var chip = box.querySelector('template[data-chip-template]').content.firstElementChild.cloneNode(true);
      var prefix = box.getAttribute('data-prefix') || 'skill';
      var within = box.getAttribute('data-chip-within') || '';
      var index = box.querySelectorAll('[data-chip-list] .chip').length;
      chip.querySelector('[data-chip-name]').value = name;
      chip.querySelector('.chip-name').textContent = name;
      var select = chip.querySelector('select');
      select.value = level.value;
      select.id = prefix + '-chip-level-new-' + index + '-' + Date.now();
      select.setAttribute('aria-label', 'Level of ' + name + within);
      chip.querySelector('[data-chip-remove]').setAttribute('aria-label', 'Remove ' + name + within);
      box.querySelector('[data-chip-list]').appendChild(chip);
      say(box, name + ' added at level ' + levelText);
    }
    input.value = '';
    input.removeAttribute('aria-invalid');
    input.focus();
  }

  document.addEventListener('click', function (event) {
    var add = event.target.closest('[data-chip-add]');
    if (add) { addChip(add.closest('[data-skill-chips]')); return; }
    var remove = event.target.closest('[data-chip-remove]');
    if (remove) {
      var box = remove.closest('[data-skill-chips]');
      var chip = remove.closest('.chip');
      var name = chip.querySelector('[data-chip-name]').value;
      chip.remove();
      say(box, name + ' removed');
      box.querySelector('[data-chip-input]').focus(); // focus must not fall to the page's start
    }
  });

  document.addEventListener('keydown', function (event) {
    var input = event.target.closest ? event.target.closest('[data-chip-input]') : null;
    if (input && event.key === 'Enter') {
      event.preventDefault(); // Enter adds the chip instead of submitting the form
      addChip(input.closest('[data-skill-chips]'));
    }
  });

  document.addEventListener('change', function (event) {
    var all = event.target.closest('[data-team-select-all]');
    if (all) {
      var name = all.getAttribute('data-team-select-all');
      all.closest('form').querySelectorAll('input[type="checkbox"][name="' + name + '"]').forEach(function (box) {
        box.checked = all.checked;
      });
    }
  });
})();
