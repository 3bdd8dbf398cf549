// Small behaviours for the shell: mobile navigation, dismissible toasts, confirmation dialogs, copy buttons.
(function () {
  document.addEventListener('click', function (event) {
    var toggle = event.target.closest('[data-nav-toggle]');
    if (toggle) {
      var open = document.body.classList.toggle('nav-open');
      toggle.setAttribute('aria-expanded', String(open));
    }
    var dismiss = event.target.closest('[data-dismiss]');
    if (dismiss) {
      dismiss.closest('.toast, .alert').remove();
    }
    var opener = event.target.closest('[data-open-dialog]');
    if (opener) {
      var dialog = document.getElementById(opener.getAttribute('data-open-dialog'));
      if (dialog) { dialog.showModal(); }
    }
    var closer = event.target.closest('[data-close-dialog]');
    if (closer) {
      closer.closest('dialog').close();
    }
    var copy = event.target.closest('[data-copy]');
    if (copy) {
      var source = document.getElementById(copy.getAttribute('data-copy'));
      navigator.clipboard.writeText(source.textContent.trim()).then(function () {
        copy.textContent = 'Copied';
      });
    }
  });
  // Toasts leave by themselves after a while; errors stay until dismissed.
  function autoDismiss(root) {
    root.querySelectorAll('.toast:not(.toast-error)').forEach(function (toast) {
      setTimeout(function () { toast.remove(); }, 6000);
    });
  }
  document.addEventListener('DOMContentLoaded', function () { autoDismiss(document); });
  document.addEventListener('htmx:afterSwap', function (event) { autoDismiss(event.target); });
  // Close an open <details> menu when clicking elsewhere or pressing Escape.
  document.addEventListener('click', function (event) {
    document.querySelectorAll('details.menu[open]').forEach(function (menu) {
      if (!menu.contains(event.target)) { menu.removeAttribute('open'); }
    });
  });
  document.addEventListener('keydown', function (event) {
    if (event.key === 'Escape') {
      document.querySelectorAll('details.menu[open]').forEach(function (menu) { menu.removeAttribute('open'); });
    }
  });
})();
