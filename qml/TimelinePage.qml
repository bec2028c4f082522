import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import PaperTrail

Page {
    id: page
    required property VaultController controller
    title: qsTr("Timeline")

    header: ToolBar {
        RowLayout {
            anchors.fill: parent
            Label {
                text: qsTr("Timeline")
                font.pixelSize: 20
                Layout.leftMargin: 16
                Layout.fillWidth: true
            }
            ToolButton {
                text: qsTr("Lock")
                Accessible.name: qsTr("Lock the vault")
                onClicked: page.controller.lock()
            }
        }
    }

    ListView {
        id: list
        // One readable column, centred on wide screens; the detail pane comes with the app issue.
        width: Math.min(parent.width, 760)
        height: parent.height
        anchors.horizontalCenter: parent.horizontalCenter
        model: page.controller.entries
        clip: true
        section.property: "day"
        section.delegate: Label {
            required property string section
            text: Qt.formatDate(Date.fromLocaleDateString(Qt.locale(), section, "yyyy-MM-dd"), Locale.LongFormat)
            font.pixelSize: 13
            font.weight: Font.DemiBold
            topPadding: 16
            leftPadding: 16
            bottomPadding: 4
            opacity: 0.7
        }
        delegate: EntryCard {}
        ScrollIndicator.vertical: ScrollIndicator {}
    }

    Label {
        anchors.centerIn: parent
        width: parent.width - 48
        visible: list.count === 0
        horizontalAlignment: Text.AlignHCenter
        wrapMode: Text.WordWrap
        text: qsTr("No entries yet. Write down what happened while it is fresh: who, what was said, when.")
        opacity: 0.7
    }
}
