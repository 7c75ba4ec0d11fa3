// Progressive enhancement: draws the flow's Mermaid text as a diagram. Without script the text list below it is the flow.
document.addEventListener('DOMContentLoaded', function () {
  if (!window.mermaid) { return; }
  var pre = document.querySelector('pre.mermaid');
  if (!pre) { return; }
  window.mermaid.initialize({ startOnLoad: false, securityLevel: 'strict', theme: 'default', flowchart: { htmlLabels: false } });
  window.mermaid.run({ nodes: [pre] }).then(function () {
    pre.classList.add('drawn');
    pre.setAttribute('role', 'img');
    pre.removeAttribute('aria-hidden');
    pre.setAttribute('aria-label', document.querySelector('h1').textContent);
  });
});
