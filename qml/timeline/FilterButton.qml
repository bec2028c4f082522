import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material

// A flat button in the timeline's filter row that says what the filter is set to, with a drop
// mark like the kind box beside it, so it reads as a choice and not as a caption. What it says can
// come from the entries (a tag), so it is plain text: the stock label would render a tag like
// "<img src=...>" as rich text.
Button {
    id: button
    flat: true
    contentItem: Label {
        textFormat: Text.PlainText
        text: button.text + " \u25BE"
        font: button.font
        elide: Text.ElideRight
        verticalAlignment: Text.AlignVCenter
        horizontalAlignment: Text.AlignHCenter
        color: button.enabled ? Material.foreground : Material.hintTextColor
    }
}
