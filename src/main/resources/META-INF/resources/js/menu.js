// The site menu is a <details> element, so it opens and closes without JavaScript. This only keeps
// it open on wide screens (where it is a plain row of links) and closed on narrow ones.
(function () {
  var menu = document.getElementById('site-menu');
  if (!menu || !window.matchMedia) {
    return;
  }
  var wide = window.matchMedia('(min-width: 60rem)');
  function follow() {
    menu.open = wide.matches;
  }
  follow();
  wide.addEventListener('change', follow);
})();
