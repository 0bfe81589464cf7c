// The area picker of the new-worksheet form: typing part of a place name (松戸, 函館, 南渡島) lists the matching
// municipalities, vision zones and prefectures from GET /areas/lookup; choosing one reloads the form with its
// prefecture and the area chosen. Without script the prefecture list does the same in two steps.
(function () {
  'use strict';

  var picker = document.getElementById('area-picker');
  var input = document.getElementById('area-picker-input');
  var list = document.getElementById('area-picker-results');
  if (!picker || !input || !list || !window.fetch || !window.URLSearchParams) {
    return;
  }
  var endpoint = picker.getAttribute('data-endpoint');
  var target = picker.getAttribute('data-target');
  var kinds = {};
  ['prefecture', 'vision-zone', 'municipality'].forEach(function (k) {
    kinds[k] = picker.getAttribute('data-kind-' + k) || k;
  });
  picker.hidden = false;
  var timer = null;
  var serial = 0;

  input.addEventListener('input', function () {
    clearTimeout(timer);
    timer = setTimeout(lookup, 200);
  });

  function lookup() {
    var text = input.value.trim();
    var mine = ++serial;
    if (!text) {
      show([]);
      return;
    }
    fetch(endpoint + '?' + new URLSearchParams({ q: text }).toString(), { headers: { Accept: 'application/json' } })
      .then(function (response) { return response.ok ? response.json() : []; })
      .then(function (matches) {
        if (mine === serial) {
          show(matches);
        }
      })
      .catch(function () { show([]); });
  }

  function choice(iri, prefectureCode, label, note) {
    var item = document.createElement('li');
    item.setAttribute('role', 'option');
    var link = document.createElement('a');
    link.className = 'area-picker-choice';
    link.href = target + '?' + new URLSearchParams({ prefecture: prefectureCode, area: iri }).toString();
    link.textContent = label;
    item.appendChild(link);
    if (note) {
      var small = document.createElement('span');
      small.className = 'muted';
      small.textContent = ' ' + note;
      item.appendChild(small);
    }
    return item;
  }

  function show(matches) {
    list.textContent = '';
    matches.forEach(function (m) {
      if (!m.prefectureCode) {
        return;
      }
      var where = m.kind === 'prefecture' ? '' : (m.prefecture || '');
      list.appendChild(choice(m.iri, m.prefectureCode, m.label, [kinds[m.kind], where].join(' ').trim()));
      (m.zones || []).forEach(function (z) {
        list.appendChild(choice(z.iri, m.prefectureCode, '↳ ' + z.label, kinds['vision-zone'] + ' ' + where));
      });
    });
    input.setAttribute('aria-expanded', matches.length ? 'true' : 'false');
  }
})();
