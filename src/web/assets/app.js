// ccm-bot workspace: live urgent alerts on Today, and the warning before the
// automatic logoff. Everything works without this script; it only adds speed.
(function () {
  'use strict';
  var body = document.body;
  var live = body.getAttribute('data-live');
  if (!live || !window.EventSource) return;
  var csrf = body.getAttribute('data-csrf');
  var warning = document.getElementById('idle-warning');
  var announcer = document.getElementById('announcer');

  function announce(text) {
    if (announcer) announcer.textContent = text;
  }

  function showWarning(secondsLeft) {
    if (!warning) return;
    var left = warning.querySelector('[data-idle-left]');
    var minutes = Math.max(1, Math.ceil(secondsLeft / 60));
    if (left) left.textContent = minutes + (minutes === 1 ? ' minute' : ' minutes');
    if (warning.hidden) {
      warning.hidden = false;
      var stay = warning.querySelector('[data-stay]');
      if (stay) stay.focus();
    }
  }

  var stayButton = warning && warning.querySelector('[data-stay]');
  if (stayButton) {
    stayButton.addEventListener('click', function () {
      fetch('/app/keepalive', { method: 'POST', headers: { 'x-csrf-token': csrf }, credentials: 'same-origin' }).then(function (r) {
        if (r.ok) warning.hidden = true;
        else window.location.assign('/app/login?timeout=1');
      });
    });
  }

  var list = document.getElementById('urgent-alerts');
  var after = list && list.getAttribute('data-after');
  var source = new EventSource('/app/events' + (live === 'alerts' ? '?alerts=1' + (after ? '&after=' + encodeURIComponent(after) : '') : ''));
  source.addEventListener('session', function (event) {
    var secondsLeft = JSON.parse(event.data).secondsLeft;
    if (secondsLeft <= 0) {
      source.close();
      window.location.assign('/app/login?timeout=1');
    } else if (secondsLeft <= 120) {
      showWarning(secondsLeft);
    } else if (warning && !warning.hidden) {
      warning.hidden = true;
    }
  });
  source.addEventListener('alert', function (event) {
    var list = document.getElementById('urgent-alerts');
    if (!list) return;
    var holder = document.createElement('ul');
    holder.innerHTML = event.data; // rendered and escaped by the server
    var item = holder.firstElementChild;
    if (!item || list.querySelector('[data-alert-id="' + item.getAttribute('data-alert-id') + '"]')) return;
    item.classList.add('new');
    list.insertBefore(item, list.firstChild);
    var section = list.closest('section');
    var empty = section && section.querySelector('[data-empty]');
    if (empty) empty.remove();
    var count = section && section.querySelector('[data-count]');
    if (count) count.textContent = String(list.children.length);
    announce('New urgent alert: ' + item.textContent.replace(/\s+/g, ' ').trim());
  });
})();
