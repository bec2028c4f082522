import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import QtQuick.Layouts
import PaperTrail

// Which emails the list shows: part of the sender, a range of days, words in the subject and
// words in the text. Typing narrows the list a moment after the last key (words in the text
// are looked for in every body, so they wait a little longer, or Return). On a phone the fields
// fold away under one line that says what is filtered.
ColumnLayout {
    id: filters
    required property MailPickModel emails
    property bool open: width >= 560
    spacing: 4

    // A field whose text goes to the model a moment after the last key, or at once on Return.
    component FilterField: TextField {
        id: field
        property int delay: 250
        signal apply(string text)
        Layout.fillWidth: true
        inputMethodHints: Qt.ImhNoPredictiveText
        selectByMouse: true
        onTextEdited: settle.restart()
        onAccepted: { settle.stop(); field.apply(text) }
        onActiveFocusChanged: if (!activeFocus && settle.running) { settle.stop(); field.apply(text) }
        Timer { id: settle; interval: field.delay; onTriggered: field.apply(field.text) }
    }

    function summary() {
        const parts = []
        if (emails.sender.trim().length > 0) parts.push(qsTr("from \u201c%1\u201d").arg(emails.sender.trim()))
        if (emails.fromDay.length > 0 || emails.toDay.length > 0)
            parts.push(qsTr("%1 to %2").arg(emails.fromDay.length > 0 ? emails.fromDay : "\u2026").arg(emails.toDay.length > 0 ? emails.toDay : "\u2026"))
        if (emails.subjectWords.trim().length > 0) parts.push(qsTr("subject \u201c%1\u201d").arg(emails.subjectWords.trim()))
        if (emails.bodyWords.trim().length > 0) parts.push(qsTr("text \u201c%1\u201d").arg(emails.bodyWords.trim()))
        return parts.join(", ")
    }

    RowLayout {
        Layout.fillWidth: true
        spacing: 4
        ItemDelegate {
            objectName: "filterToggle"
            text: (filters.open ? "\u25be  " : "\u25b8  ") + qsTr("Filter")
                  + (!filters.open && filters.emails.filtered ? ": " + filters.summary() : "")
            font.pixelSize: TextScale.body
            Accessible.name: filters.open ? qsTr("Hide the filters") : qsTr("Show the filters")
            onClicked: filters.open = !filters.open
            Layout.fillWidth: true
            contentItem: Label {
                textFormat: Text.PlainText
                text: parent.text
                elide: Text.ElideRight
                font: parent.font
            }
        }
        Button {
            flat: true
            visible: filters.emails.filtered
            text: qsTr("Clear")
            Accessible.name: qsTr("Clear the filters")
            onClicked: {
                filters.emails.clearFilters()
                sender.text = ""; subject.text = ""; body.text = ""; fromDay.text = ""; toDay.text = ""
            }
        }
    }

    GridLayout {
        visible: filters.open
        columns: filters.width >= 560 ? 2 : 1
        columnSpacing: 8
        rowSpacing: 0
        Layout.fillWidth: true

        FilterField {
            id: sender
            objectName: "senderFilter"
            placeholderText: qsTr("From (name or address)")
            Accessible.name: qsTr("Sender")
            onApply: (text) => filters.emails.sender = text
        }
        FilterField {
            id: subject
            placeholderText: qsTr("Words in the subject")
            Accessible.name: qsTr("Words in the subject")
            onApply: (text) => filters.emails.subjectWords = text
        }
        FilterField {
            id: body
            objectName: "bodyFilter"
            delay: 700
            placeholderText: qsTr("Words in the text")
            Accessible.name: qsTr("Words in the text")
            onApply: (text) => filters.emails.bodyWords = text
        }
        RowLayout {
            spacing: 8
            Layout.fillWidth: true
            FilterField {
                id: fromDay
                placeholderText: qsTr("From day (2026-11-03)")
                inputMethodHints: Qt.ImhPreferNumbers
                Accessible.name: qsTr("From day, as 2026-11-03")
                onApply: (text) => filters.emails.fromDay = text
            }
            FilterField {
                id: toDay
                placeholderText: qsTr("To day")
                inputMethodHints: Qt.ImhPreferNumbers
                Accessible.name: qsTr("To day, as 2026-11-30")
                onApply: (text) => filters.emails.toDay = text
            }
        }
    }
    Label {
        textFormat: Text.PlainText
        visible: filters.open && filters.emails.dayProblem.length > 0
        text: filters.emails.dayProblem
        color: Material.color(Material.Red)
        wrapMode: Text.WordWrap
        Layout.fillWidth: true
    }
}
