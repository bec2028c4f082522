import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import PaperTrail

// Finds an entry to link to: words of its title (or its kind: email, screenshot) typed, the
// newest matches listed, a tap chooses one. `find` returns the rows (EntryChoices.h).
ColumnLayout {
    id: finder
    property var find: function(words) { return [] }
    property string placeholder: qsTr("Find an entry to link: words of its title, or email, screenshot\u2026")
    signal chosen(var entry)
    spacing: 2

    TextField {
        id: words
        placeholderText: finder.placeholder
        Layout.fillWidth: true
        Accessible.name: qsTr("Find an entry to link")
    }
    Repeater {
        model: words.text.trim().length > 0 ? finder.find(words.text) : []
        delegate: ItemDelegate {
            id: choice
            required property var modelData
            Layout.fillWidth: true
            padding: 4
            Accessible.name: qsTr("Link %1").arg(modelData.title)
            onClicked: { finder.chosen(choice.modelData); words.text = "" }
            contentItem: RowLayout {
                KindBadge { kind: choice.modelData.kind; Layout.preferredWidth: 24; Layout.preferredHeight: 24 }
                Label {
                    textFormat: Text.PlainText
                    text: choice.modelData.title + "  \u00B7  " + choice.modelData.when.toLocaleDateString(Qt.locale(), Locale.ShortFormat)
                    elide: Text.ElideRight
                    Layout.fillWidth: true
                }
            }
        }
    }
}
