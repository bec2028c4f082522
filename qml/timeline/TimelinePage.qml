import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import QtQuick.Layouts
import PaperTrail

Page {
    id: page
    required property VaultController controller
    property string selectedId: ""
    signal opened(string id)
    signal intakeRequested()

    Component.onCompleted: controller.timeline.query = ""

    header: Column {
        ToolBar {
            width: parent.width
            RowLayout {
                anchors.fill: parent
                Label {
                    textFormat: Text.PlainText
                    text: qsTr("Timeline")
                    font.pixelSize: TextScale.title
                    Layout.leftMargin: 16
                    Layout.fillWidth: true
                }
                ToolButton {
                    text: qsTr("Bring in\u2026")
                    Accessible.name: qsTr("Bring in evidence: emails, screenshots and photos")
                    onClicked: page.intakeRequested()
                }
                ToolButton {
                    text: qsTr("Lock")
                    Accessible.name: qsTr("Lock the vault")
                    onClicked: page.controller.lockNow()
                }
            }
        }
        TimelineFilters {
            width: parent.width
            timeline: page.controller.timeline
        }
    }

    // A warning (a rollback found at unlock, unreadable items) sits above the list, not over it,
    // until the person has read it and closes it.
    MessageBanner {
        id: banner
        text: page.controller.messagePage === VaultController.TimelinePage ? page.controller.statusMessage : ""
        anchors { left: parent.left; right: parent.right; top: parent.top; margins: 8 }
        onClosed: page.controller.clearMessages()
    }

    EntryList {
        id: list
        objectName: "timelineList"
        anchors { left: parent.left; right: parent.right; bottom: parent.bottom }
        anchors.top: banner.visible ? banner.bottom : parent.top
        model: page.controller.timeline
        reuseItems: true
        Accessible.name: qsTr("Entries")
        section.property: "day"
        section.delegate: Label {
            required property string section
            textFormat: Text.PlainText
            text: section.length > 0 ? Qt.formatDate(new Date(section + "T00:00:00"), "dddd d MMMM yyyy")
                                     : qsTr("Purged")
            font.pixelSize: TextScale.small
            font.weight: Font.DemiBold
            topPadding: 16
            leftPadding: 16
            bottomPadding: 4
            opacity: 0.7
        }
        delegate: EntryCard {
            selected: entryId === page.selectedId
            onClicked: page.opened(entryId)
        }
        footer: Item { width: 1; height: 96 } // the last entry scrolls clear of the + button
    }

    Label {
        textFormat: Text.PlainText
        anchors.centerIn: parent
        width: parent.width - 48
        visible: list.count === 0
        horizontalAlignment: Text.AlignHCenter
        wrapMode: Text.WordWrap
        text: page.controller.timeline.filtered
              ? qsTr("Nothing matches these filters.")
              : qsTr("No entries yet. Write down what happened while it is fresh: who was there, what was said, when.")
        opacity: 0.7
    }
}
