// A run in progress (billing, autopay, an export) follows itself: every two seconds the page is fetched again
// and the figures that changed are put in place, until the run has finished. Not a reload (nor a
// <meta refresh>): the reader keeps their place and focus, and a screen reader hears what changed.
(function () {
  var run = document.getElementById('run');
  if (!run || !run.hasAttribute('data-running') || !window.fetch || !window.DOMParser) {
    return;
  }
  function follow() {
    fetch(window.location.href, { credentials: 'same-origin', headers: { Accept: 'text/html' } })
      .then(function (answer) { return answer.ok ? answer.text() : null; })
      .then(function (html) {
        if (!html) {
          return;
        }
        var fresh = new DOMParser().parseFromString(html, 'text/html').getElementById('run');
        if (!fresh) {
          return;
        }
        if (fresh.innerHTML !== run.innerHTML) {
          run.innerHTML = fresh.innerHTML;
        }
        if (fresh.hasAttribute('data-running')) {
          window.setTimeout(follow, 2000);
        } else {
          run.removeAttribute('data-running');
        }
      });
  }
  window.setTimeout(follow, 2000);
})();
