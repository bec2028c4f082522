import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import PaperTrail

// The name above a form field, shown whether or not the field is filled in.
Label {
    textFormat: Text.PlainText
    font.pixelSize: TextScale.small
    opacity: 0.75
    wrapMode: Text.WordWrap
    Layout.fillWidth: true
    Layout.bottomMargin: -6
}
