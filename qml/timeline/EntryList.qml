import QtQuick
import QtQuick.Controls

// A list of EntryCards a keyboard can use: Tab into it, arrows move between entries, Space opens
// the current one (each card takes the focus while it is current).
ListView {
    clip: true
    activeFocusOnTab: true
    keyNavigationEnabled: true
    // A reset model leaves no current entry: the first one takes the focus.
    onActiveFocusChanged: if (activeFocus && currentIndex < 0 && count > 0) currentIndex = 0
    ScrollBar.vertical: ScrollBar {}
}
