import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import QtQuick.Layouts
import PaperTrail

// The pick list: the emails and the pictures (a tab each when there are both), what was not
// brought in and why, and Import for what is ticked.
ColumnLayout {
    id: choices
    required property IntakeController intake
    signal importRequested()
    spacing: 0

    readonly property bool hasEmails: intake.emails.total > 0
    readonly property bool hasImages: intake.images.count > 0
    readonly property var leftOut: intake.others.concat(intake.notes)
    property bool showLeftOut: false

    function focusList() {
        if (hasEmails)
            mailPane.focusList()
    }

    ColumnLayout {
        spacing: 6
        Layout.fillWidth: true
        Layout.margins: 8
        visible: statusBanner.visible || errorBanner.visible || choices.leftOut.length > 0

        MessageBanner {
            id: statusBanner
            text: choices.intake.statusMessage
            onClosed: choices.intake.clearMessages()
            Layout.fillWidth: true
        }
        MessageBanner {
            id: errorBanner
            objectName: "intakeError"
            text: choices.intake.errorMessage
            isError: true
            onClosed: choices.intake.clearMessages()
            Layout.fillWidth: true
        }
        // Files that are not evidence this page brings in, and what reading the files found.
        ItemDelegate {
            visible: choices.leftOut.length > 0
            padding: 4
            text: (choices.intake.others.length === 1 ? qsTr("1 file is not brought in")
                   : choices.intake.others.length > 1 ? qsTr("%1 files are not brought in").arg(choices.intake.others.length)
                   : qsTr("Notes about the files"))
                  + (choices.showLeftOut ? "  \u25be" : "  \u25b8")
            font.pixelSize: TextScale.small
            Material.foreground: Material.color(Material.Orange, Material.Shade800)
            Accessible.name: text
            onClicked: choices.showLeftOut = !choices.showLeftOut
            Layout.fillWidth: true
        }
        Flickable {
            visible: choices.showLeftOut && choices.leftOut.length > 0
            clip: true
            contentHeight: leftOutColumn.implicitHeight
            Layout.fillWidth: true
            Layout.preferredHeight: Math.min(leftOutColumn.implicitHeight, 160)
            ScrollBar.vertical: ScrollBar {}
            Column {
                id: leftOutColumn
                width: parent.width
                spacing: 4
                Repeater {
                    model: choices.leftOut
                    delegate: Label {
                        required property string modelData
                        objectName: "leftOutNote"
                        textFormat: Text.PlainText
                        text: modelData
                        width: leftOutColumn.width - 8
                        wrapMode: Text.WordWrap
                        font.pixelSize: TextScale.small
                    }
                }
            }
        }
    }

    TabBar {
        id: tabs
        visible: choices.hasEmails && choices.hasImages
        Layout.fillWidth: true
        TabButton {
            text: qsTr("Emails (%1)").arg(Number(choices.intake.emails.total).toLocaleString(Qt.locale(), "f", 0))
            Accessible.name: qsTr("Emails")
        }
        TabButton {
            text: qsTr("Pictures (%1)").arg(choices.intake.images.count)
            Accessible.name: qsTr("Screenshots and photos")
        }
    }

    StackLayout {
        currentIndex: choices.hasEmails && (!choices.hasImages || tabs.currentIndex === 0) ? 0 : 1
        Layout.fillWidth: true
        Layout.fillHeight: true
        MailPickPane {
            id: mailPane
            intake: choices.intake
        }
        ImagePickPane {
            intake: choices.intake
        }
    }

    // What Import brings in, always in reach of a thumb.
    Pane {
        Material.elevation: 4
        padding: 8
        Layout.fillWidth: true
        RowLayout {
            anchors.fill: parent
            spacing: 8
            Label {
                objectName: "chosenSummary"
                textFormat: Text.PlainText
                text: {
                    const parts = []
                    if (choices.hasEmails)
                        parts.push(choices.intake.emails.chosen === 1 ? qsTr("1 email") : qsTr("%1 emails").arg(Number(choices.intake.emails.chosen).toLocaleString(Qt.locale(), "f", 0)))
                    if (choices.hasImages)
                        parts.push(choices.intake.images.chosen === 1 ? qsTr("1 picture") : qsTr("%1 pictures").arg(choices.intake.images.chosen))
                    return qsTr("Chosen: %1").arg(parts.join(qsTr(" and ")))
                }
                wrapMode: Text.WordWrap
                Layout.fillWidth: true
            }
            Button {
                objectName: "importButton"
                text: qsTr("Import")
                highlighted: true
                enabled: choices.intake.chosenCount > 0 && choices.intake.activity === IntakeController.Idle
                Accessible.name: qsTr("Import the chosen emails and pictures")
                onClicked: choices.importRequested()
            }
        }
    }
}
