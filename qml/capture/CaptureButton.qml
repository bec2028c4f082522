import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import PaperTrail

// The floating "+": one tap writes a note; a long press offers the other kinds.
RoundButton {
    id: button
    signal captureRequested(string kind)

    width: Math.round(64 * TextScale.factor)
    height: width
    text: "+"
    font.pixelSize: TextScale.display
    highlighted: true
    Material.elevation: 6
    Accessible.name: qsTr("Write a new note")
    onClicked: button.captureRequested("note")
    onPressAndHold: kinds.open()

    Menu {
        id: kinds
        y: -height
        MenuItem { text: qsTr("Note"); onTriggered: button.captureRequested("note") }
        MenuItem { text: qsTr("Meeting notes"); onTriggered: button.captureRequested("meeting") }
        MenuItem { text: qsTr("Daily grade"); onTriggered: button.captureRequested("grade") }
        MenuItem { text: qsTr("Shout-out"); onTriggered: button.captureRequested("shout-out") }
        MenuItem { text: qsTr("Screenshot"); onTriggered: button.captureRequested("screenshot") }
    }
}
