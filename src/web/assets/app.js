// ccm-bot workspace: live urgent cases on Today, and the warning before the
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

  var list = document.getElementById('urgent-cases');
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

  function recount(list) {
    var section = list && list.closest('section');
    if (!section) return;
    var count = section.querySelector('[data-count]');
    if (count) count.textContent = String(list.children.length);
    var empty = section.querySelector('[data-empty]');
    if (empty && list.children.length > 0) empty.remove();
  }

  // A patient's case card: it replaces the card the page has for that case
  // (wherever it is: an elevated case may have become urgent), or is added.
  source.addEventListener('case', function (event) {
    var list = document.getElementById('urgent-cases');
    if (!list) return;
    var holder = document.createElement('ul');
    holder.innerHTML = event.data; // rendered and escaped by the server
    var card = holder.firstElementChild;
    if (!card) return;
    var existing = document.querySelector('[data-case-id="' + card.getAttribute('data-case-id') + '"]');
    var from = existing && existing.parentElement;
    // The same card again (a reconnect re-sends the last minutes' cards): refreshed in place, not announced.
    if (existing && from === list && existing.getAttribute('data-version') === card.getAttribute('data-version')) {
      if (existing.classList.contains('new')) card.classList.add('new');
      list.replaceChild(card, existing);
      return;
    }
    card.classList.add('new');
    if (existing && from === list) list.replaceChild(card, existing);
    else {
      if (existing) existing.remove();
      list.insertBefore(card, list.firstChild);
    }
    recount(list);
    if (from && from !== list) recount(from);
    announce((existing ? 'Urgent case updated: ' : 'New urgent case: ') + card.textContent.replace(/\s+/g, ' ').trim());
  });
})();
