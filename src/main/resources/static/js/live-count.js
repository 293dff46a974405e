// Progressive enhancement: keeps a campaign's signature count fresh while the page is open.
// The page works the same without it; it asks only this site's own count API.
(function () {
  var counters = document.querySelectorAll('[data-live-count]');
  if (!counters.length || !window.fetch) return;
  function refresh() {
    counters.forEach(function (el) {
      fetch(el.getAttribute('data-live-count'), { headers: { Accept: 'application/json' }, credentials: 'omit' })
        .then(function (r) { return r.ok ? r.json() : null; })
        .then(function (body) {
          if (body && typeof body.signatures === 'number') {
            el.textContent = body.signatures.toLocaleString(document.documentElement.lang);
          }
        })
        .catch(function () { /* offline: keep the last figure */ });
    });
  }
  setInterval(refresh, 5000);
})();
