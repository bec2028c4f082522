import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import QtQuick.Layouts
import PaperTrail

// Nothing listed yet: what this page brings in, and the ways to give it the files.
Flickable {
    id: start
    required property IntakeController intake
    signal chooseFiles()
    signal chooseFolder()
    signal pasteImage()

    contentHeight: column.implicitHeight + 48
    clip: true
    ScrollBar.vertical: ScrollBar {}

    ColumnLayout {
        id: column
        width: Math.min(start.width - 32, 600)
        x: (start.width - width) / 2
        y: 16
        spacing: 14

        MessageBanner {
            text: start.intake.statusMessage
            onClosed: start.intake.clearMessages()
            Layout.fillWidth: true
        }
        MessageBanner {
            text: start.intake.errorMessage
            isError: true
            onClosed: start.intake.clearMessages()
            Layout.fillWidth: true
        }
        Label {
            textFormat: Text.PlainText
            text: qsTr("Keep a copy of every email and a screenshot of every grade and shout-out.")
            font.pixelSize: TextScale.subtitle
            font.weight: Font.DemiBold
            wrapMode: Text.WordWrap
            Layout.fillWidth: true
        }
        Label {
            textFormat: Text.PlainText
            text: qsTr("Emails (.eml files, or a whole mailbox exported as .mbox, such as Google Takeout or Thunderbird), screenshots and photos. You choose what comes in before anything is saved; each is kept exactly as it is, and every word in it can be searched.")
            wrapMode: Text.WordWrap
            Layout.fillWidth: true
        }
        Label {
            textFormat: Text.PlainText
            text: qsTr("Drop files or folders anywhere on this window, or:")
            wrapMode: Text.WordWrap
            opacity: 0.8
            Layout.fillWidth: true
        }
        WrappingButton {
            text: qsTr("Choose files\u2026")
            highlighted: true
            Accessible.name: qsTr("Choose files to bring in")
            onClicked: start.chooseFiles()
        }
        WrappingButton {
            text: qsTr("Choose a folder\u2026")
            Accessible.name: qsTr("Choose a folder to bring in")
            onClicked: start.chooseFolder()
        }
        WrappingButton {
            text: qsTr("Paste an image")
            Accessible.name: qsTr("Paste an image from the clipboard")
            onClicked: start.pasteImage()
        }
        Repeater {
            model: start.intake.others.concat(start.intake.notes)
            delegate: Label {
                required property string modelData
                textFormat: Text.PlainText
                text: modelData
                wrapMode: Text.WordWrap
                color: Material.color(Material.Orange, Material.Shade800)
                Layout.fillWidth: true
            }
        }
    }
}
