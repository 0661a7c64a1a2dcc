// Blazor's JavaScript initializer (loaded by blazor.web.js from this file name).
export function afterWebStarted(blazor) {
    // "pastelength": a paste that does not fit a field's maximum. The browser cuts it at maxlength without a word;
    // FormText hears this and says at the field how much did not fit, so nobody loses text unknowingly.
    blazor.registerCustomEventType('pastelength', {
        browserEventName: 'paste',
        createEventArgs: function (e) {
            var t = e.target;
            var pasted = e.clipboardData ? e.clipboardData.getData('text').length : 0;
            var selected = (t && typeof t.selectionEnd === 'number') ? t.selectionEnd - t.selectionStart : 0;
            var current = (t && typeof t.value === 'string') ? t.value.length : 0;
            return { pasted: pasted, room: (t && t.maxLength > 0) ? t.maxLength - current + selected : -1, max: (t && t.maxLength) || -1 };
        }
    });
}
