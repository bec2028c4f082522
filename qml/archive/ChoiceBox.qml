import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material

// A check box whose text may come from the entries (a tag, a kind written by another version):
// plain text, and wrapped rather than cut short. The stock label would render "<img src=...>"
// in a tag as rich text.
CheckBox {
    id: box
    Accessible.name: text
    contentItem: Label {
        textFormat: Text.PlainText
        leftPadding: box.indicator.width + box.spacing
        text: box.text
        font: box.font
        wrapMode: Text.Wrap
        verticalAlignment: Text.AlignVCenter
    }
}
