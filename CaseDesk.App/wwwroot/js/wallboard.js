// The wallboard: watches the department's figures for today over /hubs/dashboard and shows the big numbers.
// A reconnected connection calls Watch again with the last sequence seen and gets the full current figures.
(function () {
    "use strict";
    const board = document.getElementById("wallboard");
    if (!board || !window.signalR) return;

    const scope = board.dataset.scope;
    const windowNo = Number(board.dataset.window);
    let lastSequence = 0;

    function showState(state) {
        board.querySelectorAll("[data-state]").forEach(el => { el.hidden = el.dataset.state !== state; });
        board.dataset.connection = state;
    }

    function setFigure(name, text) {
        const el = board.querySelector(`[data-figure="${name}"]`);
        if (el) el.textContent = text;
    }

    function show(push) {
        if (!push || push.sequence < lastSequence) return; // an older answer overtaken by a newer push
        lastSequence = push.sequence;
        const f = push.figures;
        setFigure("breachedNow", String(f.breachedNow));
        setFigure("atRiskNow", String(f.atRiskNow));
        setFigure("openComplaints", String(f.openComplaints));
        const share = f.allClocks.count === 0 ? null : f.allClocks.met / f.allClocks.count;
        setFigure("shareMet", share === null ? "–" : `${Math.round(share * 100)} %`);
        board.dataset.sequence = String(push.sequence);
        const time = board.querySelector("[data-testid=wallboard-updated]");
        if (time) time.textContent = new Date().toLocaleTimeString("lt-LT", { hour12: false });
    }

    const connection = new signalR.HubConnectionBuilder()
        .withUrl(board.dataset.hub)
        // A wallboard hangs on a wall unattended: keep trying (at once, 2 s, 5 s, then every 10 s), never give up.
        .withAutomaticReconnect({ nextRetryDelayInMilliseconds: context => [0, 2000, 5000][context.previousRetryCount] ?? 10000 })
        .build();

    connection.on("figures", show);

    async function watch() {
        show(await connection.invoke("Watch", scope, windowNo, lastSequence));
        showState("live");
    }

    connection.onreconnecting(() => showState("reconnecting"));
    connection.onreconnected(() => watch().catch(() => showState("reconnecting")));
    connection.onclose(() => showState("offline"));

    async function start() {
        try {
            await connection.start();
            await watch();
        } catch (e) {
            showState("reconnecting");
            setTimeout(start, 5000);
        }
    }

    showState("connecting");
    start();
})();
