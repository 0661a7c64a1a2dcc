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
