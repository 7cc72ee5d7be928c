// Counter intake: keyboard-wedge scanners and the citizen-facing screen.
(() => {
  'use strict';
  const qr = document.querySelector('[data-wedge-target]');
  const form = document.getElementById('scan-form');

  // A scanner "types" the QR line as keystrokes ending with Enter. Typing that starts outside any field (the
  // officer clicked elsewhere) is sent to the scan field, so a scan works wherever the focus is: no click needed.
  const editable = (el) => el && (el.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(el.tagName));
  document.addEventListener('keydown', (e) => {
    if (!qr || editable(e.target) || e.ctrlKey || e.altKey || e.metaKey || e.key.length !== 1) return;
    qr.focus();
    qr.value = '';
  }, true);
  if (qr) {
    qr.addEventListener('keydown', (e) => {
      if (e.key === 'Enter' && qr.value.trim().length > 0) { e.preventDefault(); form.submit(); }
    });
  }

  // The procedure box: as the officer types a code or a name, with or without diacritics, the matching procedures
  // are listed (arrow keys move, Enter picks, Escape closes), and the status line says how many match, or none.
  const fold = (text) => text.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/[đĐ]/g, 'd').toLowerCase().replace(/\s+/g, ' ').trim();
  const box = document.querySelector('[data-procedure-box]');
  if (box) {
    const list = document.getElementById(box.getAttribute('aria-controls'));
    const status = document.getElementById('procedure-status');
    const options = [...list.querySelectorAll('[role="option"]')];
    let shown = [];
    let active = -1;
    const mark = (i) => {
      options.forEach((o) => o.setAttribute('aria-selected', 'false'));
      active = i;
      if (i >= 0 && shown[i]) {
        shown[i].setAttribute('aria-selected', 'true');
        box.setAttribute('aria-activedescendant', shown[i].id);
        shown[i].scrollIntoView({ block: 'nearest' });
      } else box.removeAttribute('aria-activedescendant');
    };
    const close = () => { list.hidden = true; box.setAttribute('aria-expanded', 'false'); mark(-1); };
    const pick = (option) => { box.value = option.dataset.code; close(); box.form.submit(); };
    const filter = () => {
      const q = fold(box.value);
      shown = q.length === 0 ? [] : options.filter((o) => o.dataset.search.includes(q));
      options.forEach((o) => { o.hidden = !shown.includes(o); });
      list.hidden = shown.length === 0;
      box.setAttribute('aria-expanded', String(shown.length > 0));
      status.textContent = q.length === 0 ? '' : shown.length === 0
        ? status.dataset.none.replace('{q}', box.value.trim()) : status.dataset.some.replace('{n}', shown.length);
      mark(shown.length > 0 ? 0 : -1);
    };
    box.addEventListener('input', filter);
    box.addEventListener('keydown', (e) => {
      if (e.key === 'ArrowDown' && shown.length) { e.preventDefault(); if (list.hidden) filter(); else mark(Math.min(active + 1, shown.length - 1)); }
      else if (e.key === 'ArrowUp' && shown.length) { e.preventDefault(); mark(Math.max(active - 1, 0)); }
      else if (e.key === 'Enter' && !list.hidden && active >= 0) { e.preventDefault(); pick(shown[active]); }
      else if (e.key === 'Escape') close();
    });
    list.addEventListener('mousedown', (e) => { const o = e.target.closest('[role="option"]'); if (o) { e.preventDefault(); pick(o); } });
    box.addEventListener('blur', () => setTimeout(close, 100));
  }

  // What the officer typed in the contact fields is kept while the page changes (picking a procedure reloads it)
  // until it is saved; a field restored from that draft says it is not saved yet.
  const contact = document.querySelector('[data-contact-form]');
  if (contact) {
    const key = `motcua.contact.${contact.dataset.citizen}`;
    const draft = JSON.parse(sessionStorage.getItem(key) || '{}');
    contact.querySelectorAll('input[name="phone"], input[name="email"]').forEach((input) => {
      if (draft[input.name] !== undefined && draft[input.name] !== input.value) {
        input.value = draft[input.name];
        contact.querySelector('[data-unsaved]').hidden = false;
      }
      input.addEventListener('input', () => {
        draft[input.name] = input.value;
        sessionStorage.setItem(key, JSON.stringify(draft));
      });
    });
    contact.addEventListener('submit', () => sessionStorage.removeItem(key));
  }

  // Live preview on the second screen.
  const profile = document.querySelector('[data-preview]');
  if (!profile || !window.signalR) return;
  const connection = new signalR.HubConnectionBuilder().withUrl('/hubs/counter').withAutomaticReconnect().build();
  const state = () => {
    const value = (name) => document.querySelector(`[data-preview-field="${name}"]`)?.value ?? null;
    const procedure = document.querySelector('[data-preview-procedure]')?.dataset.previewProcedure ?? null;
    return {
      fullName: profile.dataset.fullName, idNumber: profile.dataset.idNumber, dateOfBirth: profile.dataset.dateOfBirth,
      sex: profile.dataset.sex, address: profile.dataset.address, phone: value('phone'), email: value('email'),
      procedure, documents: [...document.querySelectorAll('[data-document]')].map((row) => `${row.dataset.document}:${row.dataset.status}`),
    };
  };
  const send = () => { if (connection.state === 'Connected') connection.invoke('Preview', state()).catch(() => {}); };
  document.querySelectorAll('[data-preview-field]').forEach((input) => input.addEventListener('input', send));
  // A page dropped by the desk scanner appears at once, ticked, ready to attach.
  const deskScans = document.getElementById('desk-scans');
  connection.on('scan', (scan) => {
    if (!deskScans) return;
    const item = document.createElement('li');
    const label = document.createElement('label');
    const box = Object.assign(document.createElement('input'), { type: 'checkbox', name: 'scanIds', value: scan.id, checked: true });
    label.append(box, ' ' + scan.fileName);
    item.append(label);
    item.classList.add('changed');
    deskScans.append(item);
  });
  connection.onreconnected(send);
  connection.start().then(send).catch(() => {});
  // The screen may open after this page: say it again every few seconds while the officer works.
  setInterval(send, 3000);
})();
