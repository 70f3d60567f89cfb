// Runs before the first paint (a classic script in <head>). The log-in and sign-up pages
// are prerendered for logged-out visitors, the profile's frame for visitors with a
// session; no one may see a page meant for the others, even for a moment. So this marks
// the page, and styles.css keeps such prerendered content hidden until the app, which
// owns the session, has replaced it. Only the presence of a
// session is checked; nothing here reads or passes on its token.
(function () {
  try {
    var key = 'aurora.session';
    if (window.localStorage.getItem(key) !== null || window.sessionStorage.getItem(key) !== null) {
      document.documentElement.setAttribute('data-session', '');
    }
  } catch {
    // Storage disabled: there is no stored session either.
  }
})();
