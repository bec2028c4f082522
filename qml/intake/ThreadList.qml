import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import QtQuick.Layouts
import PaperTrail

// An email's conversation, oldest first: when each message was sent, who sent it and its
// subject. The one open on the page is marked; any other opens its entry. Shown only when the
// email is one of several.
Column {
    id: root
    required property EmailThread thread
    signal opened(string entryId)
    visible: thread.count > 1
    spacing: 2

    Label {
        textFormat: Text.PlainText
        text: qsTr("Conversation (%1)").arg(root.thread.count)
        font.pixelSize: TextScale.heading
        font.weight: Font.DemiBold
        bottomPadding: 4
        width: root.width
        wrapMode: Text.WordWrap
    }
    Repeater {
        model: root.thread
        delegate: ItemDelegate {
            id: message
            required property string entryId
            required property date occurredAt
            required property string sender
            required property string subject
            required property bool current
            readonly property string when: Qt.formatDateTime(occurredAt, "d MMM yyyy, HH:mm")
            width: root.width
            padding: 8
            leftPadding: 14
            highlighted: current
            Accessible.name: qsTr("%1, from %2, %3").arg(subject.length > 0 ? subject : qsTr("(no subject)")).arg(sender).arg(when)
                             + (current ? ", " + qsTr("shown now") : "")
            Accessible.description: current ? "" : qsTr("Opens this message")
            onClicked: if (!current) root.opened(entryId)

            // The open one: a bar at its edge, as well as the highlight and the words.
            Rectangle {
                visible: message.current
                width: 4
                height: parent.height
                color: Material.accent
            }
            contentItem: Column {
                spacing: 2
                RowLayout {
                    width: parent.width
                    spacing: 8
                    Label {
                        textFormat: Text.PlainText
                        text: message.sender.length > 0 ? message.sender : qsTr("(no sender)")
                        font.weight: Font.DemiBold
                        elide: Text.ElideRight
                        Layout.fillWidth: true
                    }
                    Label {
                        textFormat: Text.PlainText
                        text: message.when
                        font.pixelSize: TextScale.caption
                        opacity: 0.7
                    }
                }
                Label {
                    textFormat: Text.PlainText
                    text: message.subject.length > 0 ? message.subject : qsTr("(no subject)")
                    elide: Text.ElideRight
                    width: parent.width
                }
                Label {
                    visible: message.current
                    textFormat: Text.PlainText
                    text: qsTr("Shown now")
                    font.pixelSize: TextScale.caption
                    color: Material.accent
                    width: parent.width
                }
            }
        }
    }
}
