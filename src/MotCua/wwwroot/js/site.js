// Behaviour every page may use, declared in the markup (the Content-Security-Policy allows no inline script):
// data-print prints the page; data-submit-on-change sends the field's form when its value changes; an error summary
// takes the focus when the page opens, so that a screen reader reads it and Tab reaches its links first; data-shows-fields
// on a select shows only the fields of the chosen value; data-live="N" on an element with an id asks the server for the
// page again every N seconds and puts the element's new content in place, without reloading the page.
(() => {
  'use strict';
  document.addEventListener('click', (event) => {
    if (event.target.closest('[data-print]')) window.print();
  });
  document.addEventListener('change', (event) => {
    const field = event.target.closest('[data-submit-on-change]');
    if (field && field.form) field.form.submit();
  });
  document.querySelector('[data-error-summary]')?.focus();
  // A single letter presses the control whose aria-keyshortcuts names it (the queue panel's N, R, P, D, K, I), unless
  // the person is typing in a field or holds a modifier key, or has turned the shortcuts off (WCAG 2.1.4), which
  // this browser remembers.
  // (Storage may be blocked: then the shortcuts stay on and the choice is not kept.)
  const stored = () => { try { return localStorage.getItem('motcua.shortcuts'); } catch { return null; } };
  const store = (value) => { try { localStorage.setItem('motcua.shortcuts', value); } catch { /* not kept */ } };
  let shortcutsOn = stored() !== 'off';
  document.querySelectorAll('[data-shortcuts-toggle]').forEach((box) => {
    box.checked = shortcutsOn;
    box.addEventListener('change', () => { shortcutsOn = box.checked; store(box.checked ? 'on' : 'off'); });
  });
  document.addEventListener('keydown', (event) => {
    if (!shortcutsOn || event.repeat || event.isComposing || event.ctrlKey || event.altKey || event.metaKey || event.key.length !== 1) return;
    if (event.target.closest('input, select, textarea, [contenteditable]')) return;
    const control = document.querySelector(`[aria-keyshortcuts="${CSS.escape(event.key.toUpperCase())}"]`);
    if (!control || control.dataset.pressed) return;
    event.preventDefault();
    control.dataset.pressed = 'true'; // once: the form it sends replaces the page; a second press must not act twice
    control.click();
  });
  // A select with data-shows-fields shows, in its form, only the fields whose data-for names the chosen value.
  document.querySelectorAll('select[data-shows-fields]').forEach((select) => {
    const show = () => select.form.querySelectorAll('[data-for]').forEach((field) => {
      field.hidden = !field.dataset.for.split(' ').includes(select.value);
    });
    select.addEventListener('change', show);
    show();
  });
  // A live region stops when the page the server sends no longer marks it live (a report finished), when the session
  // has ended (the answer is the login page), and waits while the person is working inside it or the tab is hidden.
  document.querySelectorAll('[data-live][id]').forEach((region) => {
    const every = Math.max(1, Number(region.dataset.live) || 30) * 1000;
    const update = async () => {
      const busy = document.hidden || (region.contains(document.activeElement) && document.activeElement !== document.body);
      if (!busy) {
        try {
          const response = await fetch(location.href, { headers: { Accept: 'text/html' }, credentials: 'same-origin' });
          // Signed out, or the page is gone: stop. A busy or restarting server: try again next round.
          if (response.redirected || [401, 403, 404].includes(response.status)) return;
          if (!response.ok) throw new Error(String(response.status));
          const fresh = new DOMParser().parseFromString(await response.text(), 'text/html').getElementById(region.id);
          if (!fresh) return;
          if (fresh.innerHTML !== region.innerHTML) region.innerHTML = fresh.innerHTML;
          if (!fresh.hasAttribute('data-live')) return;
        } catch {
          // The network or the server failed for a moment: the next round tries again.
        }
      }
      setTimeout(update, every);
    };
    setTimeout(update, every);
  });
})();
