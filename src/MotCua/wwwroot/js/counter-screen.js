// The citizen-facing screen: shows what the officer enters, live; says so when the connection drops.
(() => {
  'use strict';
  const status = document.getElementById('status');
  const connection = new signalR.HubConnectionBuilder().withUrl('/hubs/counter').withAutomaticReconnect([0, 1000, 2000, 5000, 10000]).build();
  connection.on('preview', (state) => {
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
  const online = () => { status.textContent = status.dataset.online || 'Đã kết nối'; status.className = 'tag office'; };
  const offline = () => { status.textContent = 'Mất kết nối, đang thử lại…'; status.className = 'tag warn'; };
  connection.onreconnecting(offline);
  connection.onreconnected(online);
  connection.onclose(() => { offline(); setTimeout(start, 5000); });
  const start = () => connection.start().then(online).catch(() => { offline(); setTimeout(start, 5000); });
  start();
})();
