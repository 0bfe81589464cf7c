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

  var form = document.getElementById('worksheet-form');

  // Editor: while an author writes a cause or measure, the types that the most similar causes or measures of other
  // areas have (one click chooses one) and those items themselves, from GET /suggestions (the server ranks them).
  function suggestions() {
    var endpoint = form.getAttribute('data-suggestions');
    if (!endpoint || !window.fetch || !window.URLSearchParams) {
      return;
    }
    var timers = {};
    var serial = {};
    form.addEventListener('input', function (event) {
      var field = event.target;
      var match = field.id ? /^((cause|measure)-\d+)-text$/.exec(field.id) : null;
      if (!match) {
        return;
      }
      clearTimeout(timers[match[1]]);
      timers[match[1]] = setTimeout(function () {
        suggest(match[1], match[2], field.value);
      }, 350);
    });

    function suggest(item, kind, text) {
      var panel = document.getElementById(item + '-suggestions');
      if (!panel) {
        return;
      }
      text = text.trim();
      var n = (serial[item] || 0) + 1;
      serial[item] = n;
      if (text.length < 4) {
        panel.hidden = true;
        return;
      }
      var params = new URLSearchParams();
      params.set('kind', kind);
      params.set('text', text.slice(0, 2000));
      if (form.getAttribute('data-function')) {
        params.set('function', form.getAttribute('data-function'));
      }
      if (form.getAttribute('data-worksheet')) {
        params.set('worksheet', form.getAttribute('data-worksheet'));
      }
      fetch(endpoint + '?' + params.toString(), {headers: {Accept: 'application/json'}, credentials: 'same-origin'})
        .then(function (response) {
          if (!response.ok) {
            throw new Error('HTTP ' + response.status);
          }
          return response.json();
        })
        .then(function (result) {
          if (serial[item] === n) {
            show(panel, item, result);
          }
        })
        .catch(function () {
          if (serial[item] === n) {
            panel.querySelector('.suggested-types').textContent = form.getAttribute('data-failed');
            panel.querySelector('.similar-items').textContent = '';
            panel.hidden = false;
          }
        });
    }

    function show(panel, item, result) {
      var types = panel.querySelector('.suggested-types');
      var similar = panel.querySelector('.similar-items');
      types.textContent = '';
      similar.textContent = '';
      (result.types || []).forEach(function (type) {
        var box = document.getElementById(item + '-type-' + type.id);
        if (!box) {
          return;
        }
        var button = document.createElement('button');
        button.type = 'button';
        button.className = 'suggested-type';
        button.setAttribute('data-type', type.id);
        button.title = form.getAttribute('data-accept');
        function mark() {
          button.disabled = true;
          button.classList.add('accepted');
          button.textContent = type.label + ' ✓ ' + form.getAttribute('data-accepted');
        }
        button.textContent = '＋ ' + type.label;
        if (box.checked) {
          mark();
        }
        button.addEventListener('click', function () {
          box.checked = true;
          box.dispatchEvent(new Event('change', {bubbles: true}));
          mark();
        });
        types.appendChild(button);
      });
      (result.similar || []).forEach(function (s) {
        var li = document.createElement('li');
        li.className = 'similar-item';
        var link = document.createElement('a');
        link.href = s.href;
        link.textContent = s.text;
        li.appendChild(link);
        var where = document.createElement('span');
        where.className = 'muted similar-where';
        where.textContent = ' — ' + [s.area, s.fiscalYear, s.title].filter(Boolean).join(' · ')
          + (s.synthetic ? ' [' + form.getAttribute('data-synthetic') + ']' : '')
          + (s.typeLabels && s.typeLabels.length ? ' (' + s.typeLabels.join('、') + ')' : '');
        li.appendChild(where);
        similar.appendChild(li);
      });
      panel.querySelector('.suggestions-none').hidden = types.children.length + similar.children.length > 0;
      panel.hidden = false;
    }
  }
  if (form) {
    suggestions();
  }

  // Editor: a hint of what the shapes will ask for, kept up to date while typing. Only a hint.
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
