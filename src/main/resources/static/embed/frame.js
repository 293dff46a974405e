// Inside the embedded sign form: tells the page around it how tall the form is, so that its resize script
// (/embed/resize.js) can fit the frame. Nothing else; the form works the same without it.
(function () {
  if (window.parent === window) return;
  function send() {
    window.parent.postMessage({ keephopeEmbedHeight: document.documentElement.scrollHeight }, '*');
  }
  window.addEventListener('load', send);
  window.addEventListener('resize', send);
})();
