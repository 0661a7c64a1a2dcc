// Links that reload the page (the reconnect notice). Here, not in onclick="...": the CSP allows no inline script.
document.addEventListener('click', function (e) {
    var link = e.target instanceof Element ? e.target.closest('[data-reload]') : null;
    if (link) {
        e.preventDefault();
        location.reload();
    }
});

// Session idle timeout (see SessionActivity): after user input, tell the server at most once a minute (renews the
// sign-in cookie); after the configured minutes without input, leave for the sign-in page, which says why.
(function () {
    var meta = document.querySelector('meta[name="casedesk-idle-minutes"]');
    if (!meta) return;
    var idleMs = parseFloat(meta.content) * 60000;
    var lastInput = Date.now();
    var lastPing = 0;
    function activity() {
        lastInput = Date.now();
        if (lastInput - lastPing > 60000) {
            lastPing = lastInput;
            fetch('account/keepalive', { method: 'POST', credentials: 'same-origin' });
        }
    }
    ['keydown', 'pointerdown', 'wheel', 'touchstart'].forEach(function (kind) {
        document.addEventListener(kind, activity, { passive: true, capture: true });
    });
    setInterval(function () {
        if (Date.now() - lastInput > idleMs + 5000)
            location.href = 'account/login?expired=1';
    }, 15000);
})();

// The skip link: Blazor's router would treat "#main-content" as a link to the home page, so move focus here instead.
document.addEventListener('click', function (e) {
    var link = e.target instanceof Element ? e.target.closest('[data-skip-to]') : null;
    if (!link) return;
    var target = document.getElementById(link.getAttribute('data-skip-to'));
    if (target) {
        e.preventDefault();
        target.focus();
        target.scrollIntoView();
    }
});

// "Tab from the top of the page": after a navigation the router puts focus on the page's heading (FocusOnNavigate), which
// would skip the skip link. Tab from there (or from nowhere) goes to the skip link, as at the top of any other site.
document.addEventListener('keydown', function (e) {
    if (e.key !== 'Tab' || e.shiftKey || e.altKey || e.ctrlKey || e.metaKey) return;
    var active = document.activeElement;
    var atTop = !active || active === document.body || (active.tagName === 'H1' && active.closest('main'));
    // An open dialog keeps the focus inside it (its own focus trap decides where Tab goes).
    var dialogOpen = document.querySelector('[role="dialog"][aria-modal="true"], .mud-dialog-container') !== null;
    var skip = document.querySelector('.skip-link');
    if (atTop && !dialogOpen && skip) {
        e.preventDefault();
        skip.focus();
    }
}, true);

// The dialog pattern (UiDialogs): focus goes back to the button that opened a dialog once it closes.
window.caseDesk = window.caseDesk || {};
(function (cd) {
    var openers = [];
    cd.rememberFocus = function () { openers.push(document.activeElement); };
    cd.restoreFocus = function () {
        var el = openers.pop();
        // A re-rendered page may have replaced the button: fall back to the page's main area, never the body.
        if (el && document.contains(el) && typeof el.focus === 'function') el.focus();
        else { var main = document.getElementById('main-content'); if (main) main.focus(); }
    };
    cd.focus = function (id) { var el = document.getElementById(id); if (el) el.focus(); };
    // A form dialog's first field takes the focus when the dialog opens, but never from a field of the same form the person
    // has already gone into: on a busy server this call comes a moment after the dialog shows.
    cd.focusFirstField = function (container) {
        if (!container || container.dataset.touched || container.contains(document.activeElement)) return;
        var first = container.querySelector('input:not([type=hidden]):not([disabled]), textarea:not([disabled]), select:not([disabled]), '
            + 'button:not([disabled]), [tabindex]:not([tabindex="-1"])');
        if (first) first.focus();
    };
    // Any sign of the person in an open form dialog (a focus, a click, a key, in the form or in a list it opened, which
    // MudBlazor renders outside the dialog) marks every open form as touched: its first-field focus must not come after.
    ['focusin', 'pointerdown', 'keydown', 'input'].forEach(function (type) {
        document.addEventListener(type, function (e) {
            var target = e.target;
            if (!target || !target.closest || !(target.closest('.form-dialog-body') || target.closest('.mud-popover'))) return;
            document.querySelectorAll('.form-dialog-body').forEach(function (body) { body.dataset.touched = '1'; });
        }, true);
    });
})(window.caseDesk);

// FormText's counter ("12 / 500") follows every key in the browser: the field sends its value to the server only when it
// changes (see FormText.razor), and the server renders the same count once it has the value.
document.addEventListener('input', function (e) {
    var field = e.target;
    if (!field || typeof field.value !== 'string' || !field.closest) return;
    var root = field.closest('.form-text-counted');
    if (!root || field.maxLength <= 0) return;
    var counter = root.querySelector('.mud-input-helper-text .ms-auto');
    if (counter) counter.textContent = field.value.length + ' / ' + field.maxLength;
});
