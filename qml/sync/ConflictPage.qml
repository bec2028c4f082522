import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import QtQuick.Layouts
import PaperTrail

// An entry two devices changed without seeing each other's change: the versions side by side
// (one above the other on a phone), keep one as it is, or write a merge of them. Whatever is
// chosen, every version stays in the entry's history.
Page {
    id: page
    required property VaultController controller
    property alias entryId: resolver.entryId
    property bool wide: width >= 700
    signal done(string id)

    ConflictResolver {
        id: resolver
        controller: page.controller
    }

    // Here, not in a version's delegate: resolving reloads the versions, which destroys the
    // delegates while their handler is still running.
    function keep(object) {
        if (resolver.keep(object))
            page.done(page.entryId)
    }
    function saveMerge() {
        if (resolver.merge(resolver.sides[0].object, mergeTitle.text, mergeBody.text))
            page.done(page.entryId)
    }

    function describe(side) {
        const when = Qt.formatDateTime(side.recordedAt, "d MMM yyyy, HH:mm")
        return side.thisDevice ? qsTr("Written on this device, %1").arg(when)
                               : qsTr("Written on another device, %1").arg(when)
    }

    header: ToolBar {
        RowLayout {
            anchors.fill: parent
            ToolButton {
                text: "\u2190"
                font.pixelSize: TextScale.title
                Accessible.name: qsTr("Back")
                onClicked: page.done(page.entryId)
            }
            Label {
                textFormat: Text.PlainText
                text: qsTr("Two versions")
                elide: Text.ElideRight
                font.pixelSize: TextScale.heading
                Layout.fillWidth: true
            }
        }
    }

    Flickable {
        id: flick
        anchors.fill: parent
        contentHeight: column.implicitHeight + 32
        clip: true
        ScrollBar.vertical: ScrollBar {}

        ColumnLayout {
            id: column
            x: 16
            y: 16
            width: flick.width - 32
            spacing: 16

            Label {
                textFormat: Text.PlainText
                text: resolver.inConflict
                      ? qsTr("This entry was changed on two devices before either had seen the other's change. Both versions are kept. Choose the one that is right, or merge them: the other stays in the entry's history either way.")
                      : qsTr("This entry has no conflict any more.")
                wrapMode: Text.WordWrap
                Layout.fillWidth: true
            }
            Label {
                textFormat: Text.PlainText
                visible: resolver.differences.length > 0
                text: qsTr("They differ in: %1").arg(resolver.differences.join(", "))
                font.weight: Font.DemiBold
                wrapMode: Text.WordWrap
                Layout.fillWidth: true
            }
            Label {
                objectName: "conflictError"
                textFormat: Text.PlainText
                visible: resolver.errorMessage.length > 0
                text: resolver.errorMessage
                color: Material.color(Material.Red)
                wrapMode: Text.WordWrap
                Layout.fillWidth: true
            }

            GridLayout {
                columns: page.wide ? Math.max(1, resolver.sides.length) : 1
                columnSpacing: 16
                rowSpacing: 16
                Layout.fillWidth: true
                Repeater {
                    model: resolver.sides
                    delegate: Frame {
                        id: card
                        required property var modelData
                        required property int index
                        Layout.fillWidth: true
                        Layout.preferredWidth: 1 // equal columns when wide
                        Layout.alignment: Qt.AlignTop
                        ColumnLayout {
                            width: card.availableWidth
                            spacing: 8
                            Label {
                                textFormat: Text.PlainText
                                text: page.describe(card.modelData)
                                font.weight: Font.DemiBold
                                wrapMode: Text.WordWrap
                                Layout.fillWidth: true
                            }
                            Label {
                                textFormat: Text.PlainText
                                text: card.modelData.shown ? qsTr("Shown in the timeline now") : qsTr("Kept in the history")
                                font.pixelSize: TextScale.small
                                opacity: 0.7
                                Layout.fillWidth: true
                            }
                            Label {
                                textFormat: Text.PlainText
                                visible: card.modelData.title.length > 0
                                text: card.modelData.title
                                font.pixelSize: TextScale.subtitle
                                wrapMode: Text.Wrap
                                Layout.fillWidth: true
                            }
                            Label {
                                textFormat: Text.PlainText
                                text: qsTr("%1 \u00B7 happened %2").arg(KindNames.label(card.modelData.kind))
                                      .arg(Qt.formatDateTime(card.modelData.occurredAt, "d MMM yyyy, HH:mm"))
                                font.pixelSize: TextScale.small
                                wrapMode: Text.WordWrap
                                Layout.fillWidth: true
                            }
                            Label {
                                textFormat: Text.PlainText
                                visible: card.modelData.tags.length > 0
                                text: card.modelData.tags.map(t => "#" + t).join(" ")
                                font.pixelSize: TextScale.small
                                wrapMode: Text.Wrap
                                Layout.fillWidth: true
                            }
                            TextEdit {
                                textFormat: TextEdit.PlainText
                                text: card.modelData.body
                                readOnly: true
                                selectByMouse: true
                                wrapMode: TextEdit.Wrap
                                color: Material.foreground
                                font.pixelSize: TextScale.body // not a Control: it does not inherit the page's font
                                Layout.fillWidth: true
                                Accessible.name: qsTr("Text of this version")
                            }
                            Label {
                                textFormat: Text.PlainText
                                visible: card.modelData.attachments.length > 0
                                text: qsTr("Attached: %1").arg(card.modelData.attachments.join(", "))
                                font.pixelSize: TextScale.small
                                wrapMode: Text.Wrap
                                Layout.fillWidth: true
                            }
                            Button {
                                objectName: "keepVersion" + card.index
                                text: qsTr("Keep this version")
                                highlighted: true
                                Accessible.name: qsTr("Keep this version: %1").arg(page.describe(card.modelData))
                                onClicked: page.keep(card.modelData.object)
                            }
                        }
                    }
                }
            }

            // A merge: the shown version's other fields, with this title and text.
            Label {
                visible: resolver.inConflict
                textFormat: Text.PlainText
                text: qsTr("Or merge them")
                font.pixelSize: TextScale.subtitle
                font.weight: Font.DemiBold
                Layout.topMargin: 8
            }
            TextField {
                id: mergeTitle
                objectName: "mergeTitle"
                visible: resolver.inConflict
                text: resolver.mergeTitle
                placeholderText: qsTr("Title")
                Accessible.name: qsTr("Title of the merged version")
                Layout.fillWidth: true
            }
            TextArea {
                id: mergeBody
                objectName: "mergeBody"
                visible: resolver.inConflict
                textFormat: TextEdit.PlainText
                text: resolver.mergeBody
                wrapMode: TextEdit.Wrap
                placeholderText: qsTr("Text")
                Accessible.name: qsTr("Text of the merged version")
                Layout.fillWidth: true
                Layout.minimumHeight: 120
            }
            Button {
                objectName: "saveMerge"
                visible: resolver.inConflict
                text: qsTr("Save the merged version")
                Accessible.name: text
                enabled: mergeTitle.text.trim().length > 0 || mergeBody.text.trim().length > 0
                onClicked: page.saveMerge()
            }
        }
    }
}
