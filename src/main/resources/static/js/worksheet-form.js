// Enhancements of the worksheet forms; everything works without them (the server decides, the server validates).
(function () {
  'use strict';

  // New worksheet: choosing a prefecture loads its areas at once instead of waiting for the button.
  var prefecture = document.getElementById('prefecture');
  if (prefecture && prefecture.form) {
    prefecture.addEventListener('change', function () {
      if (prefecture.value) {
        prefecture.form.submit();
      }
    });
  }

  // Editor: a hint of what the shapes will ask for, kept up to date while typing. Only a hint.
  var form = document.getElementById('worksheet-form');
  var hints = document.getElementById('missing-hints');
  if (!form || !hints) {
    return;
  }
  function blank(id) {
    var field = document.getElementById(id);
    return !field || field.value.trim() === '';
  }
  function update() {
    var missing = [];
    if (blank('challenge-text')) {
      missing.push('#challenge');
    }
    var causes = form.querySelectorAll('.edit-item.cause');
    causes.forEach(function (cause, i) {
      var n = i + 1;
      var addressed = form.querySelectorAll('input[id^="measure-"][id$="-addresses-' + n + '"]:checked').length > 0;
      if (blank('cause-' + n + '-text') || !addressed) {
        missing.push('#cause-' + n);
      }
    });
    form.querySelectorAll('.edit-item.measure').forEach(function (measure, i) {
      if (blank('measure-' + (i + 1) + '-text')) {
        missing.push('#measure-' + (i + 1));
      }
    });
    form.querySelectorAll('.edit-item').forEach(function (item) {
      item.classList.toggle('hint-missing', missing.indexOf('#' + item.id) >= 0);
    });
    hints.hidden = missing.length === 0;
    hints.textContent = missing.length === 0 ? '' : hints.getAttribute('data-message') + ' ' + missing.length;
  }
  form.addEventListener('input', update);
  form.addEventListener('change', update);
  update();
}());
