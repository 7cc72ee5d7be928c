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
