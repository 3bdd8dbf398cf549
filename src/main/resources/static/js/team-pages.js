// Team pages: add and remove skill rows on the profile form, and tick every member in the bulk schedule form.
(function () {
  document.addEventListener('click', function (event) {
    var add = event.target.closest('[data-team-add-skill]');
    if (add) {
      var rows = add.closest('fieldset').querySelector('[data-team-skills]');
      var last = rows.querySelector('.skill-row:last-child');
      var row = last.cloneNode(true);
      row.querySelectorAll('.field-error').forEach(function (e) { e.remove(); });
      var name = row.querySelector('input[name="skillName"]');
      name.value = '';
      name.removeAttribute('aria-invalid');
      name.setAttribute('aria-label', 'New skill');
      row.querySelector('select[name="skillLevel"]').value = '3';
      rows.appendChild(row);
      name.focus();
    }
    var remove = event.target.closest('[data-team-remove-skill]');
    if (remove) {
      var list = remove.closest('[data-team-skills]');
      var current = remove.closest('.skill-row');
      if (list.querySelectorAll('.skill-row').length > 1) {
        current.remove();
      } else {
        current.querySelector('input[name="skillName"]').value = ''; // an empty row is left out when saved
      }
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
