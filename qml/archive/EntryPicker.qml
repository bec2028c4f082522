import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import QtQuick.Layouts
import PaperTrail

// Choose exactly which entries go into the archive: a checklist of the entries the days, kinds
// and tags hold, oldest first (as the report numbers them), with a search and Select all / none
// for the entries listed. A tick takes effect at once (the page's count follows); the keyboard
// reaches the search, the buttons and the list (arrows move, Space ticks).
Dialog {
    id: picker
    required property ExportController exporter
    readonly property ExportEntryList entries: exporter.entryList

    function show() {
        entries.search = ""
        search.clear()
        open()
        list.currentIndex = -1
        search.forceActiveFocus()
    }

    parent: Overlay.overlay
    anchors.centerIn: parent
    width: parent ? Math.min(parent.width - 16, 560) : 0
    height: parent ? parent.height - 32 : 0
    modal: true
    padding: 12
    title: qsTr("Choose entries")
    onClosed: entries.search = ""

    ColumnLayout {
        anchors.fill: parent
        spacing: 8

        Label {
            textFormat: Text.PlainText
            text: qsTr("Only the ticked entries go into the archive. These are the entries the days, kinds and tags you chose hold.")
            wrapMode: Text.WordWrap
            opacity: 0.8
            Layout.fillWidth: true
        }
        TextField {
            id: search
            placeholderText: qsTr("Search titles, text and tags")
            inputMethodHints: Qt.ImhNoPredictiveText
            Accessible.name: qsTr("Search the entries")
            Layout.fillWidth: true
            onTextEdited: picker.entries.search = text
            Keys.onDownPressed: list.forceActiveFocus()
        }
        RowLayout {
            spacing: 4
            Layout.fillWidth: true
            Label {
                objectName: "pickCount"
                textFormat: Text.PlainText
                text: qsTr("Ticked: %1 of %2").arg(picker.exporter.matching).arg(picker.exporter.filterMatching)
                      + (picker.entries.count < picker.entries.total ? "  \u00b7  " + qsTr("listed: %1").arg(picker.entries.count) : "")
                wrapMode: Text.WordWrap
                Layout.fillWidth: true
            }
            Button {
                flat: true
                text: qsTr("All")
                enabled: picker.entries.count > 0
                Accessible.name: qsTr("Tick every entry listed")
                onClicked: picker.exporter.pickShown(true)
            }
            Button {
                flat: true
                text: qsTr("None")
                enabled: picker.entries.count > 0
                Accessible.name: qsTr("Untick every entry listed")
                onClicked: picker.exporter.pickShown(false)
            }
        }
        Label {
            visible: picker.entries.count === 0
            textFormat: Text.PlainText
            text: picker.entries.total === 0 ? qsTr("The days, kinds and tags you chose hold no entry.")
                                             : qsTr("No entry has all of these words.")
            wrapMode: Text.WordWrap
            opacity: 0.8
            Layout.fillWidth: true
        }
        ListView {
            id: list
            objectName: "entryPickList"
            Layout.fillWidth: true
            Layout.fillHeight: true
            clip: true
            activeFocusOnTab: true
            keyNavigationEnabled: true
            model: picker.entries
            Accessible.name: qsTr("Entries to export")
            ScrollBar.vertical: ScrollBar {}
            // A reset list (a search) has no current entry: the first one takes the focus.
            onActiveFocusChanged: if (activeFocus && currentIndex < 0 && count > 0) currentIndex = 0
            Keys.onUpPressed: (event) => {
                if (currentIndex <= 0)
                    search.forceActiveFocus()
                else
                    event.accepted = false
            }
            delegate: CheckDelegate {
                id: row
                required property int index
                required property string entryId
                required property string headline
                required property string kind
                required property date occurredAt
                required property bool picked
                required property bool deleted
                readonly property string when: Qt.formatDate(occurredAt, "ddd d MMM yyyy")
                width: ListView.view.width
                focus: ListView.isCurrentItem
                checked: picked
                text: headline.length > 0 ? headline : qsTr("untitled")
                Accessible.name: qsTr("%1, %2, %3").arg(text).arg(when).arg(KindNames.label(kind))
                                 + (deleted ? ", " + qsTr("deleted") : "")
                onToggled: picker.exporter.setPicked(entryId, checked)
                onClicked: list.currentIndex = index
                // The current row shows it has the keyboard, as the list's other rows do not.
                background: Rectangle {
                    color: row.down ? Qt.rgba(0.5, 0.5, 0.5, 0.25)
                           : row.ListView.isCurrentItem && list.activeFocus ? Qt.rgba(0.5, 0.5, 0.5, 0.15) : "transparent"
                    border.width: row.visualFocus || (row.ListView.isCurrentItem && list.activeFocus) ? 2 : 0
                    border.color: Material.accentColor
                    radius: 2
                }
                // What comes from the entries is plain text, and whole (it wraps).
                contentItem: ColumnLayout {
                    spacing: 2
                    Label {
                        textFormat: Text.PlainText
                        text: row.text
                        font: row.font
                        wrapMode: Text.Wrap
                        maximumLineCount: 3
                        elide: Text.ElideRight
                        rightPadding: row.indicator.width + row.spacing
                        Layout.fillWidth: true
                    }
                    Label {
                        textFormat: Text.PlainText
                        text: row.when + "  \u00b7  " + KindNames.label(row.kind) + (row.deleted ? "  \u00b7  " + qsTr("deleted") : "")
                        font.pixelSize: TextScale.caption
                        opacity: 0.7
                        wrapMode: Text.Wrap
                        rightPadding: row.indicator.width + row.spacing
                        Layout.fillWidth: true
                    }
                }
            }
        }
    }

    footer: DialogButtonBox {
        Button {
            text: qsTr("Done")
            highlighted: true
            DialogButtonBox.buttonRole: DialogButtonBox.AcceptRole
            Accessible.name: qsTr("Done choosing entries")
        }
    }
}
