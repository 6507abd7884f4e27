// Feedback Loop web UI: the only script of the pages besides htmx (no inline scripts: the CSP forbids them).
(function () {
  'use strict';

  // Every htmx request says it is a script (Quarkus OIDC then answers 499 instead of redirecting to the login
  // page) and carries the session's CSRF token.
  document.addEventListener('htmx:configRequest', function (event) {
    event.detail.headers['X-Requested-With'] = 'JavaScript';
    var meta = document.querySelector('meta[name="csrf-token"]');
    if (meta && meta.content) {
      event.detail.headers['X-CSRF-Token'] = meta.content;
    }
  });

  // The session ended: a full page load goes through the login page and back.
  document.addEventListener('htmx:responseError', function (event) {
    var status = event.detail.xhr ? event.detail.xhr.status : 0;
    if (status === 499 || status === 401) {
      window.location.reload();
    }
  });

  // Live inbox: say when the connection is lost or back, and drop the "nothing here" line when news arrives.
  function liveStatus(text) {
    var status = document.querySelector('[data-live-status]');
    if (status) {
      status.textContent = text;
    }
  }
  document.addEventListener('htmx:sseOpen', function () { liveStatus('Live updates are on.'); });
  document.addEventListener('htmx:sseError', function () { liveStatus('Live updates paused; reconnecting…'); });
  document.addEventListener('htmx:sseBeforeMessage', function (event) {
    if (event.detail && event.detail.type && event.detail.type !== 'notification') {
      event.preventDefault();
    }
  });
  document.addEventListener('htmx:sseMessage', function () {
    var empty = document.querySelector('[data-inbox-empty]');
    if (empty) {
      empty.remove();
    }
  });

  // Rating: show only the scale that was chosen (without this script, both scales show and the server picks).
  function syncRating(fieldset) {
    var chosen = fieldset.querySelector('input[name="ratingScale"]:checked');
    var scale = chosen ? chosen.value : 'NONE';
    fieldset.querySelectorAll('[data-scale]').forEach(function (group) {
      var active = group.getAttribute('data-scale') === scale;
      group.hidden = !active;
      group.querySelectorAll('input').forEach(function (input) { input.disabled = !active; });
    });
  }
  function initRatings(root) {
    root.querySelectorAll('[data-rating]').forEach(function (fieldset) {
      syncRating(fieldset);
      fieldset.addEventListener('change', function (event) {
        if (event.target && event.target.name === 'ratingScale') {
          syncRating(fieldset);
        }
      });
    });
  }

  // A form sends once: the button is disabled after the first submit (the Idempotency-Key covers the rest).
  document.addEventListener('submit', function (event) {
    var form = event.target;
    if (form.hasAttribute('hx-post')) {
      return;
    }
    window.setTimeout(function () {
      form.querySelectorAll('button[type="submit"]').forEach(function (button) { button.disabled = true; });
    }, 0);
  });

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', function () { initRatings(document); });
  } else {
    initRatings(document);
  }
})();
