// The citizen-facing screen: shows what the officer enters, live; says so when the connection drops.
(() => {
  'use strict';
  const status = document.getElementById('status');
  const connection = new signalR.HubConnectionBuilder().withUrl('/hubs/counter').withAutomaticReconnect([0, 1000, 2000, 5000, 10000]).build();
  connection.on('preview', (state) => {
    // The officer has started on the next visitor: the last one's unanswered rating gives way.
    if (asking && thanks.hidden && state && Object.values(state).some((v) => v)) {
      rate.hidden = true;
      asking = null;
    }
    document.querySelectorAll('[data-show]').forEach((el) => {
      const value = state[el.dataset.show];
      if (el.textContent !== (value ?? '')) {
        el.textContent = value ?? '';
        el.classList.remove('changed');
        void el.offsetWidth;
        el.classList.add('changed');
      }
    });
  });
  // The counter evaluation: when the officer finishes a transaction the screen turns to four faces for that
  // dossier; the press goes straight to the public endpoint with the token the screen got for that transaction
  // alone, and is never shown back to the officer.
  const rate = document.getElementById('rate');
  const thanks = document.getElementById('rate-thanks');
  const reason = document.getElementById('rate-reason');
  let asking = null;
  let hideTimer = null;
  const ask = (prompt) => {
    if (!prompt || !prompt.dossierCode || !prompt.token) return;
    asking = prompt;
    document.getElementById('rate-dossier').textContent = prompt.dossierCode + (prompt.procedureName ? ' · ' + prompt.procedureName : '');
    reason.value = '';
    thanks.hidden = true;
    rate.hidden = false;
    clearTimeout(hideTimer);
    hideTimer = setTimeout(() => { rate.hidden = true; asking = null; }, 5 * 60 * 1000);
  };
  rate.querySelectorAll('button[data-rating]').forEach((button) => button.addEventListener('click', async () => {
    if (!asking) return;
    const body = { dossierCode: asking.dossierCode, token: asking.token, kind: 'counter', rating: Number(button.dataset.rating), reason: reason.value || null, source: 'device' };
    const response = await fetch('/api/evaluations', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
    if (response.ok) {
      asking = null;
      thanks.hidden = false;
      clearTimeout(hideTimer);
      hideTimer = setTimeout(() => { rate.hidden = true; }, 4000);
    }
  }));
  const pending = (code) => fetch('/api/evaluations/counter-prompt' + (code ? '?dossier=' + encodeURIComponent(code) : ''), { credentials: 'same-origin' })
    .then((r) => (r.status === 200 ? r.json() : null)).then(ask).catch(() => {});
  connection.on('rate', (prompt) => pending(prompt && prompt.dossierCode));

  const online = () => { status.textContent = status.dataset.online; status.className = 'tag office'; };
  const offline = () => { status.textContent = status.dataset.offline; status.className = 'tag warn'; };
  connection.onreconnecting(offline);
  connection.onreconnected(() => { online(); pending(); });
  connection.onclose(() => { offline(); setTimeout(start, 5000); });
  const start = () => connection.start().then(() => { online(); pending(); }).catch(() => { offline(); setTimeout(start, 5000); });
  start();
})();
