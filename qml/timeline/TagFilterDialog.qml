import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import QtQuick.Layouts
import PaperTrail

// The tags the timeline narrows to: an entry is shown when it has every ticked tag
// (TimelineModel::setTagFilter says why every, not any). Nothing changes until Apply; Clear shows
// entries whatever their tags.
Dialog {
    id: dialog
    required property TimelineModel timeline
    // What is ticked here, applied or not.
    property var chosen: []
    // The vault's tags, and a chosen one no entry carries any more (so it can be unticked).
    readonly property var choices: timeline.tags.concat(timeline.tagFilter.filter(t => !timeline.tags.includes(t)))

    function openWith(tags) {
        chosen = tags.slice()
        open()
        list.forceActiveFocus()
    }
    function setChosen(tag, on) {
        const next = chosen.filter(t => t !== tag)
        if (on)
            next.push(tag)
        chosen = next
    }

    parent: Overlay.overlay
    anchors.centerIn: parent
    width: Math.min(parent.width - 32, 420)
    height: Math.min(implicitHeight, parent.height - 64)
    modal: true
    title: qsTr("Show entries with these tags")

    onAccepted: timeline.tagFilter = chosen
    onReset: {
        timeline.tagFilter = []
        close()
    }

    ColumnLayout {
        anchors.fill: parent
        spacing: 8
        Label {
            textFormat: Text.PlainText
            Layout.fillWidth: true
            wrapMode: Text.WordWrap
            opacity: 0.7
            text: qsTr("An entry is shown when it has every tag you tick.")
        }
        ListView {
            id: list
            Layout.fillWidth: true
            Layout.fillHeight: true
            implicitHeight: contentHeight
            clip: true
            activeFocusOnTab: true
            keyNavigationEnabled: true
            model: dialog.choices
            Accessible.name: qsTr("Tags")
            ScrollBar.vertical: ScrollBar {}
            delegate: CheckDelegate {
                id: choice
                required property string modelData
                width: ListView.view.width
                focus: ListView.isCurrentItem
                text: modelData
                checked: dialog.chosen.includes(modelData)
                onToggled: dialog.setChosen(modelData, checked)
                Accessible.name: modelData
                // A tag comes from the entries: plain text, and whole (it wraps instead of eliding).
                contentItem: Label {
                    textFormat: Text.PlainText
                    text: choice.text
                    font: choice.font
                    wrapMode: Text.Wrap
                    verticalAlignment: Text.AlignVCenter
                    rightPadding: choice.indicator.width + choice.spacing
                }
            }
        }
    }

    footer: DialogButtonBox {
        Button {
            text: qsTr("Cancel")
            flat: true
            DialogButtonBox.buttonRole: DialogButtonBox.RejectRole
        }
        Button {
            text: qsTr("Clear")
            flat: true
            Accessible.name: qsTr("Clear the tags: show entries whatever their tags")
            DialogButtonBox.buttonRole: DialogButtonBox.ResetRole
        }
        Button {
            text: qsTr("Apply")
            flat: true
            Accessible.name: qsTr("Apply these tags")
            DialogButtonBox.buttonRole: DialogButtonBox.AcceptRole
        }
    }
}
