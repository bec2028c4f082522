import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import QtQuick.Layouts
import PaperTrail

// The emails of the pick list: the filters, the search of the bodies as it runs, select all or
// none, the count, and the list (a ListView over the model: 100,000 messages scroll as 10).
// Keyboard: Tab reaches the list, the arrows move in it, Space ticks or unticks.
ColumnLayout {
    id: pane
    required property IntakeController intake
    readonly property MailPickModel emails: intake.emails
    readonly property bool searching: intake.activity === IntakeController.SearchingBodies
    spacing: 0

    function focusList() { list.forceActiveFocus() }

    MailFilters {
        emails: pane.emails
        Layout.fillWidth: true
        Layout.leftMargin: 8
        Layout.rightMargin: 8
    }

    // The bodies are read on a worker while the list waits for them.
    RowLayout {
        visible: pane.searching
        spacing: 8
        Layout.fillWidth: true
        Layout.leftMargin: 16
        Layout.rightMargin: 8
        ColumnLayout {
            spacing: 2
            Layout.fillWidth: true
            Label {
                textFormat: Text.PlainText
                text: pane.intake.progressText
                font.pixelSize: TextScale.small
                wrapMode: Text.WordWrap
                Layout.fillWidth: true
            }
            ProgressBar {
                from: 0
                to: 1
                value: Math.max(0, pane.intake.progress)
                indeterminate: pane.intake.progress < 0
                Accessible.name: qsTr("Looking for the words in the bodies")
                Layout.fillWidth: true
            }
        }
        Button {
            flat: true
            text: qsTr("Cancel")
            enabled: !pane.intake.cancelling
            Accessible.name: qsTr("Stop looking for the words in the bodies")
            onClicked: pane.intake.cancel()
        }
    }

    Flow {
        spacing: 4
        Layout.fillWidth: true
        Layout.leftMargin: 8
        Layout.rightMargin: 8
        Button {
            flat: true
            text: qsTr("Select all")
            enabled: pane.emails.choosableShown > 0
            Accessible.name: qsTr("Select every email shown")
            onClicked: pane.emails.chooseAll()
        }
        Button {
            flat: true
            text: qsTr("None")
            enabled: pane.emails.chosen > 0
            Accessible.name: qsTr("Select none of the emails shown")
            onClicked: pane.emails.chooseNone()
        }
    }
    Label {
        objectName: "emailCount"
        textFormat: Text.PlainText
        text: pane.emails.countText
              + (pane.emails.held > 0 ? " \u00b7 " + qsTr("%1 already in the journal").arg(Number(pane.emails.held).toLocaleString(Qt.locale(), "f", 0)) : "")
              + (pane.emails.unreadable > 0 ? " \u00b7 " + qsTr("%1 cannot be imported").arg(Number(pane.emails.unreadable).toLocaleString(Qt.locale(), "f", 0)) : "")
        font.pixelSize: TextScale.small
        wrapMode: Text.WordWrap
        opacity: 0.8
        Accessible.name: text
        Layout.fillWidth: true
        Layout.leftMargin: 16
        Layout.rightMargin: 16
        Layout.bottomMargin: 4
    }
    Rectangle { height: 1; color: Material.dividerColor; Layout.fillWidth: true }

    ListView {
        id: list
        objectName: "emailList"
        model: pane.emails
        clip: true
        activeFocusOnTab: true
        keyNavigationEnabled: true
        highlightMoveDuration: 0
        reuseItems: true
        boundsBehavior: Flickable.StopAtBounds
        Accessible.name: qsTr("Emails to choose from")
        Accessible.role: Accessible.List
        ScrollBar.vertical: ScrollBar { policy: ScrollBar.AsNeeded }
        // Tabbed into, the first message is the current one.
        onActiveFocusChanged: if (activeFocus && currentIndex < 0 && count > 0) currentIndex = 0
        Keys.onSpacePressed: (event) => {
            if (currentIndex >= 0)
                pane.emails.toggle(currentIndex)
            event.accepted = true
        }
        delegate: MailRow {
            width: list.width
            current: ListView.isCurrentItem && list.activeFocus
            onToggled: (row) => { list.currentIndex = row; pane.emails.toggle(row) }
        }
        Layout.fillWidth: true
        Layout.fillHeight: true

        Label {
            textFormat: Text.PlainText
            anchors.centerIn: parent
            width: parent.width - 48
            visible: list.count === 0 && !pane.searching
            horizontalAlignment: Text.AlignHCenter
            wrapMode: Text.WordWrap
            opacity: 0.7
            text: pane.emails.dayProblem.length > 0 ? pane.emails.dayProblem
                  : pane.emails.filtered ? qsTr("No email matches these filters.") : qsTr("No emails.")
        }
    }
}
