import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import PaperTrail

// Instant search as you type; matches are highlighted in each result.
Page {
    id: page
    required property VaultController controller
    property bool active: false
    signal opened(string id)

    function follow() {
        if (active) {
            field.forceActiveFocus()
            controller.timeline.query = field.text
        } else {
            controller.timeline.query = ""
        }
    }
    onActiveChanged: follow()
    Component.onCompleted: if (active) follow() // built on first use, already active

    header: ToolBar {
        TextField {
            id: field
            objectName: "searchField"
            anchors { fill: parent; leftMargin: 12; rightMargin: 12 }
            placeholderText: qsTr("Search everything you wrote")
            inputMethodHints: Qt.ImhNoPredictiveText
            Accessible.name: qsTr("Search")
            onTextChanged: if (page.active) page.controller.timeline.query = text
            // Return opens the best match.
            onAccepted: {
                const first = results.count > 0 ? results.itemAtIndex(0) : null
                if (first)
                    first.clicked()
            }
        }
    }

    EntryList {
        id: results
        anchors.fill: parent
        visible: field.text.length > 0
        model: page.active ? page.controller.timeline : null
        Accessible.name: qsTr("Results")
        delegate: EntryCard {
            showDate: true
            onClicked: page.opened(entryId)
        }
    }

    Label {
        textFormat: Text.PlainText
        anchors.centerIn: parent
        width: parent.width - 48
        horizontalAlignment: Text.AlignHCenter
        wrapMode: Text.WordWrap
        opacity: 0.7
        visible: field.text.length === 0 || results.count === 0
        text: field.text.length === 0 ? qsTr("Type a word: a name, a project, a date.")
              : page.controller.timeline.searchError.length > 0 ? page.controller.timeline.searchError
              : qsTr("Nothing matches \u201C%1\u201D.").arg(field.text)
    }
}
