import QtQuick
import QtQuick.Controls

// A multi-line field in a form: wraps, and Tab / Shift+Tab move to the next or previous control
// (as in a browser) instead of typing a tab, so the keyboard never gets stuck in it.
TextArea {
    id: area
    textFormat: TextEdit.PlainText // what is typed or pasted stays text, never markup
    wrapMode: TextEdit.Wrap
    Keys.onTabPressed: (event) => {
        area.nextItemInFocusChain(true).forceActiveFocus(Qt.TabFocusReason)
        event.accepted = true
    }
    Keys.onBacktabPressed: (event) => {
        area.nextItemInFocusChain(false).forceActiveFocus(Qt.BacktabFocusReason)
        event.accepted = true
    }
}
