import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import QtQuick.Layouts
import PaperTrail

// One entry in the timeline or the search results.
ItemDelegate {
    id: card
    required property string entryId
    required property string title
    required property string headline
    required property string bodyPreview
    required property string snippet
    required property string kind
    required property date occurredAt
    required property bool edited
    required property bool restored
    required property int attachmentCount
    required property string thumbnail
    required property bool deleted
    required property bool purged
    required property bool conflict
    property bool selected: false
    // Search results are not grouped by day, so they say the date too.
    property bool showDate: false

    width: ListView.view ? ListView.view.width : implicitWidth
    focus: ListView.isCurrentItem // in an EntryList the keyboard focus is on the entry itself
    highlighted: selected
    Accessible.name: purged ? qsTr("Purged entry")
                     : (headline.length > 0 ? headline : qsTr("untitled")) + ", " + KindNames.label(kind)
                     + (deleted ? ", " + qsTr("deleted") : "")
                     + (conflict ? ", " + qsTr("two versions") : "")

    contentItem: RowLayout {
        spacing: 12
        KindBadge {
            opacity: card.deleted ? 0.5 : 1
            kind: card.kind
            Layout.alignment: Qt.AlignTop
        }
        ColumnLayout {
            Layout.fillWidth: true
            spacing: 2
            RowLayout {
                Layout.fillWidth: true
                Label {
                    textFormat: Text.PlainText
                    visible: !card.purged
                    text: card.showDate ? Qt.formatDateTime(card.occurredAt, "ddd d MMM yyyy, HH:mm")
                                        : Qt.formatTime(card.occurredAt, "HH:mm")
                    font.pixelSize: TextScale.caption
                    opacity: 0.7
                }
                Label {
                    textFormat: Text.PlainText
                    visible: (card.edited || card.restored) && !card.deleted
                    text: card.restored ? qsTr("restored") : qsTr("edited")
                    font.pixelSize: TextScale.caption
                    font.italic: true
                    opacity: 0.7
                }
                Label {
                    textFormat: Text.PlainText
                    visible: card.conflict
                    text: qsTr("two versions")
                    font.pixelSize: TextScale.caption
                    font.weight: Font.DemiBold
                    color: Material.color(Material.Orange, Material.Shade800)
                }
                Label {
                    textFormat: Text.PlainText
                    visible: card.deleted
                    text: card.purged ? qsTr("purged") : qsTr("deleted")
                    font.pixelSize: TextScale.caption
                    font.weight: Font.DemiBold
                    color: Material.color(Material.Red)
                }
                Label { // takes the rest of the line and gives way first when text is large
                    textFormat: Text.PlainText
                    text: card.attachmentCount === 0 ? ""
                          : card.attachmentCount === 1 ? qsTr("1 attachment") : qsTr("%1 attachments").arg(card.attachmentCount)
                    font.pixelSize: TextScale.caption
                    opacity: 0.7
                    horizontalAlignment: Text.AlignRight
                    elide: Text.ElideRight
                    Layout.fillWidth: true
                    Layout.minimumWidth: 0
                }
            }
            Label {
                textFormat: Text.PlainText
                text: card.purged ? qsTr("Purged: only its fingerprints remain")
                      : card.headline.length > 0 ? card.headline : qsTr("(untitled)")
                font.pixelSize: TextScale.subtitle
                font.weight: Font.Medium
                elide: Text.ElideRight
                Layout.fillWidth: true
            }
            Label {
                text: card.snippet.length > 0 ? card.snippet : card.bodyPreview
                textFormat: card.snippet.length > 0 ? Text.StyledText : Text.PlainText
                visible: text.length > 0
                maximumLineCount: 2
                elide: Text.ElideRight
                wrapMode: Text.WordWrap
                opacity: 0.8
                Layout.fillWidth: true
            }
        }
        Image {
            visible: card.thumbnail.length > 0
            source: card.thumbnail
            sourceSize.width: 112
            sourceSize.height: 112
            Layout.preferredWidth: 56
            Layout.preferredHeight: 56
            fillMode: Image.PreserveAspectCrop
            asynchronous: false
            cache: false // decrypted pixels stay out of Qt's shared image cache
            Accessible.name: qsTr("Screenshot preview")
        }
    }
}
