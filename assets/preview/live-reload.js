// keikaku serve only (never part of a built site): reloads the page once a rebuild that
// changed it has finished, keeps the scroll position, and lets the error overlay be closed.
(function () {
  'use strict';
  var script = document.currentScript;
  var build = Number(script.getAttribute('data-build'));
  var base = script.getAttribute('data-base') || '/';
  var missing = script.hasAttribute('data-missing');
  var overlay = document.getElementById('keikaku-error');
  var scrollKey = 'keikaku-scroll:' + location.pathname;

  var saved = sessionStorage.getItem(scrollKey);
  if (saved !== null) {
    sessionStorage.removeItem(scrollKey);
    var restore = function () { window.scrollTo(0, Number(saved)); };
    restore();
    window.addEventListener('load', restore);
  }

  if (overlay) {
    var close = overlay.querySelector('.keikaku-error__close');
    close.hidden = false;
    close.addEventListener('click', function () { overlay.hidden = true; });
    document.addEventListener('keydown', function (e) { if (e.key === 'Escape') overlay.hidden = true; });
  }

  // The site path of this page, as the build names it ("plan/index.html").
  function sitePath() {
    var path = decodeURIComponent(location.pathname);
    path = path.indexOf(base) === 0 ? path.slice(base.length) : path.replace(/^\//, '');
    return path === '' || path.charAt(path.length - 1) === '/' ? path + 'index.html' : path;
  }

  function affects(event) {
    if (event.all || event.error || overlay || missing) return true;
    var page = sitePath();
    // A changed stylesheet, script or image may show on any page; data files (open data,
    // sitemap.xml, robots.txt) on none.
    return event.changed.some(function (file) {
      return file === page || !/\.(html|json|csv|xml|txt)$/.test(file);
    });
  }

  function reload() {
    sessionStorage.setItem(scrollKey, String(window.scrollY));
    location.reload();
  }

  var delay = 500;
  function connect() {
    var source = new EventSource('/__keikaku/events?since=' + build);
    source.onopen = function () { delay = 500; };
    source.addEventListener('reload', function (message) {
      var event = JSON.parse(message.data);
      if (affects(event)) {
        source.close();
        reload();
      } else {
        build = event.build;
      }
    });
    // Reconnects by itself with the newest build seen, so no rebuild is missed.
    source.onerror = function () {
      source.close();
      setTimeout(connect, delay);
      delay = Math.min(delay * 2, 8000);
    };
  }
  connect();
})();
