import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import QtQuick.Layouts

// A button whose text wraps rather than reach past a narrow window (a phone with large text or a
// longer translation): in a layout it is as wide as its text, or as the layout when that is less.
Button {
    id: button
    Layout.fillWidth: true
    Layout.maximumWidth: implicitWidth
    // A Text, not a Label: a Label resolves the font against the window's and loses the style's
    // capitals, so the button would not look like the buttons beside it.
    contentItem: Text {
        textFormat: Text.PlainText
        text: button.text
        font: button.font
        wrapMode: Text.WordWrap
        horizontalAlignment: Text.AlignHCenter
        verticalAlignment: Text.AlignVCenter
        color: !button.enabled ? button.Material.hintTextColor
               : button.flat && button.highlighted ? button.Material.accentColor
               : button.highlighted ? button.Material.primaryHighlightedTextColor : button.Material.foreground
    }
}
