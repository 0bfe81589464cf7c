// Enhances the query page: the plain textarea #sparql-editor becomes a CodeMirror editor with SPARQL syntax
// highlighting (from the CodeMirror WebJar, no network). Without JavaScript the textarea and the server-side run work
// as they are. The editor writes back into the textarea on submit, so the form sends what the reader typed.
(function () {
  'use strict';
  var textarea = document.getElementById('sparql-editor');
  if (!textarea || typeof CodeMirror === 'undefined') {
    return;
  }
  var editor = CodeMirror.fromTextArea(textarea, {
    mode: 'application/sparql-query',
    lineNumbers: true,
    indentUnit: 2,
    viewportMargin: Infinity
  });
  textarea.form.addEventListener('submit', function () {
    editor.save();
  });
  // Ctrl/Cmd+Enter runs the query, as in most SPARQL editors.
  editor.setOption('extraKeys', {
    'Ctrl-Enter': function () { document.getElementById('run-query').click(); },
    'Cmd-Enter': function () { document.getElementById('run-query').click(); }
  });
  window.sparqlEditor = editor;
}());
