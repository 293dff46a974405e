// Optional, for a partner's page that embeds KeepHope's sign form in an iframe: makes the frame as tall as
// the form. It listens only to messages from the KeepHope site it was loaded from.
(function () {
  var script = document.currentScript;
  if (!script || !window.URL) return;
  var origin = new URL(script.src).origin;
  window.addEventListener('message', function (event) {
    var height = event.data && event.data.keephopeEmbedHeight;
    if (event.origin !== origin || typeof height !== 'number') return;
    var frames = document.getElementsByTagName('iframe');
    for (var i = 0; i < frames.length; i++) {
      if (frames[i].contentWindow === event.source) frames[i].style.height = Math.ceil(height) + 'px';
    }
  });
})();
