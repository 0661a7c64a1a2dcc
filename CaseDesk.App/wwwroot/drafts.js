// Unsaved form input kept in this tab's sessionStorage (see DraftKeeper.razor): it survives a lost circuit,
// an app restart and a reload, and is gone when the tab closes. Beside each draft: the circuit that kept it.
window.caseDeskDrafts = {
    save: (key, json, circuit) => {
        sessionStorage.setItem("casedesk-draft:" + key, json);
        sessionStorage.setItem("casedesk-draft-circuit:" + key, circuit);
    },
    load: key => sessionStorage.getItem("casedesk-draft:" + key),
    owner: key => sessionStorage.getItem("casedesk-draft-circuit:" + key),
    clear: key => {
        sessionStorage.removeItem("casedesk-draft:" + key);
        sessionStorage.removeItem("casedesk-draft-circuit:" + key);
    },
};

// The field being typed in: its text reaches the server when the field is left (FormText is not Immediate), so the
// browser keeps what each named field of a draft-keeping form (DraftKeeper's data-draft-key) holds now, and writes it into
// the kept copy on every key and into every copy the server keeps: a crash mid-field loses nothing.
(function (drafts) {
    var typed = {}; // draft key -> { field name -> text as typed }
    function merge(key, json) {
        var fields = typed[key];
        if (!json || !fields) return json;
        try {
            var draft = JSON.parse(json);
            if (!draft || typeof draft !== 'object') return json;
            for (var name in fields)
                if (Object.prototype.hasOwnProperty.call(draft, name)) draft[name] = fields[name];
            return JSON.stringify(draft);
        } catch (_) { return json; }
    }
    var save = drafts.save, clear = drafts.clear;
    drafts.save = function (key, json, circuit) { save(key, merge(key, json), circuit); };
    drafts.clear = function (key) { delete typed[key]; clear(key); };
    document.addEventListener('input', function (e) {
        var field = e.target;
        if (!field || !field.name || typeof field.value !== 'string' || !field.closest) return;
        var form = field.closest('form');
        var marker = form && form.querySelector('[data-draft-key]');
        if (!marker) return;
        var key = marker.getAttribute('data-draft-key');
        (typed[key] = typed[key] || {})[field.name] = field.value;
        var json = drafts.load(key);
        if (json) save(key, merge(key, json), drafts.owner(key) || '');
    });
})(window.caseDeskDrafts);
