import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import QtQuick.Layouts
import PaperTrail

// A picture from inside an email, full screen: read from the original message and decoded in
// memory (EmailFiles.preview), drawn from a QImage, so it never passes through an image URL or
// Qt's image cache. Closing drops the pixels. Save offers the file itself.
Popup {
    id: popup
    required property EmailFiles files
    property int row: -1
    signal saveRequested(int row)

    function show(index) {
        row = index
        files.preview(index)
        open()
    }

    parent: Overlay.overlay
    width: parent ? parent.width : 0
    height: parent ? parent.height : 0
    modal: true
    focus: true
    padding: 0
    background: Rectangle { color: "#F0000000" }
    onClosed: { files.closePreview(); row = -1 }

    ColumnLayout {
        anchors.fill: parent
        spacing: 0
        RowLayout {
            Layout.fillWidth: true
            Layout.margins: 8
            spacing: 8
            Label {
                textFormat: Text.PlainText
                text: popup.files.previewName
                color: "white"
                elide: Text.ElideMiddle
                Layout.fillWidth: true
                Layout.leftMargin: 8
            }
            Button {
                text: qsTr("Save\u2026")
                enabled: popup.row >= 0
                Accessible.name: qsTr("Save %1\u2026").arg(popup.files.previewName)
                onClicked: popup.saveRequested(popup.row)
            }
            RoundButton {
                text: "\u2715"
                Accessible.name: qsTr("Close")
                onClicked: popup.close()
            }
        }
        Item {
            Layout.fillWidth: true
            Layout.fillHeight: true
            IntakePreview {
                id: picture
                objectName: "emailFilePreview"
                image: popup.files.previewImage
                // As large as fits, but a tiny picture is not blown up past four times its size.
                readonly property real scale4: imageSize.width > 0
                    ? Math.min(4, parent.width / imageSize.width, parent.height / imageSize.height) : 0
                width: Math.round(imageSize.width * scale4)
                height: Math.round(imageSize.height * scale4)
                anchors.centerIn: parent
                visible: imageSize.width > 0
                Accessible.role: Accessible.Graphic
                Accessible.name: popup.files.previewName
            }
            BusyIndicator {
                anchors.centerIn: parent
                running: popup.files.previewBusy
                visible: running
                Accessible.name: qsTr("Reading the picture")
            }
            Label {
                anchors.centerIn: parent
                width: Math.min(parent.width - 48, 480)
                visible: popup.files.previewProblem.length > 0
                textFormat: Text.PlainText
                text: popup.files.previewProblem
                color: "white"
                wrapMode: Text.Wrap
                horizontalAlignment: Text.AlignHCenter
            }
        }
        Label {
            visible: popup.files.previewNote.length > 0
            textFormat: Text.PlainText
            text: popup.files.previewNote
            color: "white"
            wrapMode: Text.Wrap
            Layout.fillWidth: true
            Layout.margins: 16
        }
    }
}
