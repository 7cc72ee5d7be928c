// The hall's display board: each call appears highlighted and is spoken in Vietnamese; waiting counts follow.
// It says when it is offline, reconnects by itself, and catches up from the server when it is back.
(() => {
  'use strict';
  const office = document.body.dataset.office;
  const status = document.getElementById('status');
  const calls = document.getElementById('calls');
  const waiting = document.getElementById('waiting');
  let speak = false;
  document.getElementById('sound').addEventListener('click', (e) => { speak = true; e.target.hidden = true; say('Đã bật âm thanh'); });

  const say = (text) => {
    if (!speak || !('speechSynthesis' in window)) return;
    const u = new SpeechSynthesisUtterance(text);
    u.lang = 'vi-VN';
    const voice = speechSynthesis.getVoices().find((v) => v.lang && v.lang.toLowerCase().startsWith('vi'));
    if (voice) u.voice = voice;
    speechSynthesis.speak(u);
  };

  const row = (call) => {
    let tr = calls.querySelector(`tr[data-counter="${call.counterId}"]`);
    if (!tr) {
      tr = document.createElement('tr');
      tr.dataset.counter = call.counterId;
      tr.append(document.createElement('td'), document.createElement('td'));
      tr.firstChild.className = 'number';
      calls.append(tr);
    }
    tr.children[0].textContent = call.number;
    tr.children[1].textContent = call.counterName;
    return tr;
  };

  const showCall = (call) => {
    const tr = row(call);
    calls.prepend(tr);
    tr.classList.remove('fresh');
    void tr.offsetWidth;
    tr.classList.add('fresh');
    say(`Mời công dân có số thứ tự ${call.number.split('').join(' ')} đến ${call.counterName.toLowerCase()}`);
  };

  const showWaiting = (items) => {
    waiting.replaceChildren(...items.map((w) => {
      const li = document.createElement('li');
      li.dataset.service = w.service;
      const name = document.createElement('span');
      name.textContent = `${w.prefix} · ${w.name}`;
      const count = document.createElement('strong');
      count.textContent = w.waiting;
      li.append(name, ' ', count);
      return li;
    }));
  };

  const catchUp = async () => {
    const response = await fetch(`/api/queue/board?office=${encodeURIComponent(office)}`);
    if (!response.ok) return;
    const board = await response.json();
    board.calls.forEach(row);
    showWaiting(board.waiting);
  };

  const connection = new signalR.HubConnectionBuilder().withUrl('/hubs/queue').withAutomaticReconnect([0, 1000, 2000, 5000, 10000]).build();
  connection.on('call', showCall);
  connection.on('waiting', showWaiting);
  const online = async () => {
    await connection.invoke('Watch', office);
    status.textContent = status.dataset.online;
    status.className = 'tag office';
    await catchUp();
  };
  const offline = () => { status.textContent = status.dataset.offline; status.className = 'tag warn offline'; };
  connection.onreconnecting(offline);
  connection.onreconnected(() => online().catch(offline));
  connection.onclose(() => { offline(); setTimeout(start, 5000); });
  const start = () => connection.start().then(online).catch(() => { offline(); setTimeout(start, 5000); });
  start();
})();
