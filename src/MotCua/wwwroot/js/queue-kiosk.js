// The kiosk: one tap on a service takes a ticket, prints it (80 mm) and returns to the services after a while.
// Tickets need the kiosk's key (issued by the office's leaders): typed once on the setup form, kept in this browser.
(() => {
  'use strict';
  const office = document.body.dataset.office;
  const storageKey = `motcua.kiosk.${office}`;
  const setup = document.getElementById('setup');
  const needKey = () => { setup.hidden = false; document.getElementById('choose').hidden = true; document.getElementById('kiosk-key').focus(); };
  document.getElementById('setup-form').addEventListener('submit', (e) => {
    e.preventDefault();
    const key = document.getElementById('kiosk-key').value.trim();
    if (!key) return;
    localStorage.setItem(storageKey, key);
    setup.hidden = true;
    document.getElementById('choose').hidden = false;
  });
  if (!localStorage.getItem(storageKey)) needKey();
  const choose = document.getElementById('choose');
  const ticket = document.getElementById('ticket');
  const error = document.getElementById('error');
  const priority = document.getElementById('priority');
  let timer;
  const reset = () => { clearTimeout(timer); ticket.hidden = true; choose.hidden = false; priority.checked = false; error.textContent = ''; };
  document.getElementById('again').addEventListener('click', reset);
  const names = Object.fromEntries([...document.querySelectorAll('button.service')].map((b) => [b.dataset.service, b.textContent.trim().slice(1).trim()]));
  const take = async (url, body, failure) => {
    error.textContent = '';
    const headers = { 'Content-Type': 'application/json', 'X-Kiosk-Key': localStorage.getItem(storageKey) || '' };
    const response = await fetch(url, { method: 'POST', headers, body: JSON.stringify(body) });
    if (response.status === 401) {
      localStorage.removeItem(storageKey);
      needKey();
      return;
    }
    if (!response.ok) {
      // Outside opening hours the answer says when to come back.
      const problem = response.status === 409 ? await response.json().catch(() => null) : null;
      error.textContent = response.status === 429 ? error.dataset.busy : problem?.detail || failure;
      return;
    }
    show(await response.json());
  };
  document.querySelectorAll('button.service').forEach((button) => button.addEventListener('click', () =>
    take('/api/queue/tickets', { office, service: button.dataset.service, priority: priority.checked }, error.dataset.takeFailed)));
  document.getElementById('check-in').addEventListener('submit', (e) => {
    e.preventDefault();
    take('/api/queue/check-in', { office, code: document.getElementById('booking-code').value }, error.dataset.noBooking);
  });
  const show = (t) => {
    document.getElementById('ticket-number').textContent = t.number;
    document.getElementById('ticket-service').textContent = names[t.service] || t.service;
    document.getElementById('ticket-ahead').textContent = t.waitingAhead;
    // The server gives the time in Vietnam time (+07:00): shown as it is, whatever the kiosk's own clock and zone say.
    const [day, time] = t.issuedAt.split('T');
    document.getElementById('ticket-time').textContent = `${time.slice(0, 5)} ${day.split('-').reverse().join('/')}`;
    document.getElementById('ticket-priority').hidden = !t.priority;
    document.getElementById('ticket-qr').src = `/so-thu-tu/${t.id}?handler=qr`;
    choose.hidden = true;
    ticket.hidden = false;
    setTimeout(() => window.print(), 300);
    timer = setTimeout(reset, 20000);
  };
})();
