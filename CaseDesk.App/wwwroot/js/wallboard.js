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

    // The office's time, whatever the zone of the machine behind the TV (often UTC): the figures' own instant, from the server's clock.
    const officeTime = new Intl.DateTimeFormat("lt-LT", { timeZone: "Europe/Vilnius", hour: "2-digit", minute: "2-digit", second: "2-digit", hour12: false });

    function asUtc(text) {
        // The server sends UTC instants; one without a zone suffix is read as UTC, not as the browser's local time.
        return new Date(/[zZ]|[+-]\d\d:\d\d$/.test(text) ? text : text + "Z");
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
        // A no-break space: "100 %" never splits over two lines.
        setFigure("shareMet", share === null ? "–" : `${Math.round(share * 100)}\u00a0%`);
        board.dataset.sequence = String(push.sequence);
        const time = board.querySelector("[data-testid=wallboard-updated]");
        if (time && f.asOfUtc) {
            const asOf = asUtc(f.asOfUtc);
            time.textContent = officeTime.format(asOf);
            time.dateTime = asOf.toISOString();
        }
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
    // Sequences are counted per app node, and a reconnect may land on another node behind the proxy, whose count is lower:
    // start again from 0 so its pushes are not taken for older ones.
    connection.onreconnected(() => {
        lastSequence = 0;
        return watch().catch(() => showState("reconnecting"));
    });
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
