// Progressive enhancement only: every page works without this file.
document.addEventListener('DOMContentLoaded', function () {
  // "Print this page" buttons.
  document.querySelectorAll('[data-print]').forEach(function (b) {
    b.hidden = false;
    b.addEventListener('click', function () { window.print(); });
  });
  // A form submits once: a double tap must not answer twice.
  document.querySelectorAll('form[method="post"]').forEach(function (f) {
    f.addEventListener('submit', function () {
      setTimeout(function () { f.querySelectorAll('button').forEach(function (b) { b.disabled = true; }); }, 0);
    });
  });
});
