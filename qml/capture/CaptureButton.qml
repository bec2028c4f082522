import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import PaperTrail

// The floating "+": one tap writes a note; a long press offers the other kinds.
RoundButton {
    id: button
    signal captureRequested(string kind)
    // "Bring in evidence…": emails, screenshots and photos from files.
    signal intakeRequested()

    width: Math.round(64 * TextScale.factor)
    height: width
    text: "+"
    font.pixelSize: TextScale.display
    highlighted: true
    Material.elevation: 6
    Accessible.name: qsTr("Write a new note")
    onClicked: button.captureRequested("note")
    onPressAndHold: kinds.open()

    // The editor opens once the menu has closed: a closing menu gives the focus back to what had
    // it before, which would take it from the editor's first field.
    property string chosenKind: ""
    function choose(kind) { chosenKind = kind; kinds.close() }

    Menu {
        id: kinds
        y: -height
        onClosed: {
            const kind = button.chosenKind
            button.chosenKind = ""
            if (kind === "intake")
                button.intakeRequested()
            else if (kind.length > 0)
                button.captureRequested(kind)
        }
        MenuItem { text: KindNames.label("note"); onTriggered: button.choose("note") }
        MenuItem { text: KindNames.label("meeting"); onTriggered: button.choose("meeting") }
        MenuItem { text: KindNames.label("incident"); onTriggered: button.choose("incident") }
        MenuItem { text: KindNames.label("grade"); onTriggered: button.choose("grade") }
        MenuItem { text: KindNames.label("shout-out"); onTriggered: button.choose("shout-out") }
        MenuItem { text: KindNames.label("screenshot"); onTriggered: button.choose("screenshot") }
        MenuSeparator {}
        MenuItem { text: qsTr("Bring in evidence\u2026"); onTriggered: button.choose("intake") }
    }
}
