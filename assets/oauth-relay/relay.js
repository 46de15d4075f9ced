// The https redirect page HMRC sends the browser to (HMRC registers no custom schemes,
// reference §2.8). It hands exactly the OAuth response parameters, unchanged, to the
// app's private-use scheme (RFC 8252 §7.1) and does nothing else: no storage, no requests.
(function () {
  'use strict';
  var CALLBACK = 'app.ledgerlink.desktop:/oauth/callback';
  // RFC 6749 §4.1.2 and §4.1.2.1: the code or the error, and the state.
  var FORWARDED = ['code', 'state', 'error', 'error_description'];

  var incoming = new URLSearchParams(window.location.search);
  var outgoing = new URLSearchParams();
  FORWARDED.forEach(function (name) {
    incoming.getAll(name).forEach(function (value) {
      outgoing.append(name, value);
    });
  });
  var hasAnswer = outgoing.has('code') || outgoing.has('error');
  var target = CALLBACK + '?' + outgoing.toString();

  // The code is single use, but keep it out of the history list and bookmarks all the same.
  try {
    window.history.replaceState(null, '', window.location.pathname);
  } catch (e) {
    /* not fatal */
  }

  function ready() {
    var link = document.getElementById('return');
    if (!hasAnswer) {
      document.getElementById('heading').textContent = 'Nothing to pass to Ledgerlink';
      document.getElementById('message').textContent =
        'This page passes HMRC’s answer to Ledgerlink, and there is none here. Go back to Ledgerlink and start linking again.';
      return;
    }
    link.href = target;
    link.hidden = false;
    window.location.href = target;
  }

  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', ready);
  else ready();
})();
