import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import QtQuick.Layouts

// A message the page that caused it shows until the person closes it (or the vault locks).
Pane {
    id: banner
    property string text
    property bool isError: false
    signal closed()

    visible: text.length > 0
    padding: 8
    background: Rectangle {
        radius: 4
        color: banner.isError ? Material.color(Material.Red, Material.Shade100) : Material.color(Material.Amber, Material.Shade100)
    }
    RowLayout {
        anchors.fill: parent
        Label {
            textFormat: Text.PlainText
            text: banner.text
            wrapMode: Text.Wrap
            color: "#3e2723"
            Layout.fillWidth: true
        }
        ToolButton {
            text: "\u2715"
            Material.foreground: "#3e2723"
            Accessible.name: qsTr("Close the message")
            onClicked: banner.closed()
            Layout.alignment: Qt.AlignTop
        }
    }
}
