// Unsaved form input kept in this tab's sessionStorage (see DraftKeeper.razor): it survives a lost circuit,
// an app restart and a reload, and is gone when the tab closes.
window.caseDeskDrafts = {
    save: (key, json) => sessionStorage.setItem("casedesk-draft:" + key, json),
    load: key => sessionStorage.getItem("casedesk-draft:" + key),
    clear: key => sessionStorage.removeItem("casedesk-draft:" + key),
};
