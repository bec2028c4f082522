import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import PaperTrail

// What a screenshot's or photo's entry knows about the picture: where it was taken (a sentence,
// as coordinates only: no map, no link, nothing fetched, and a reminder that exports carry it),
// the camera, when the photo says it was taken and where the entry's time came from, and the
// text read from it (selectable; folded when long). Columns with set widths: wrapped text is as
// tall as its lines.
Column {
    id: root
    required property VaultController controller
    property alias entryId: facts.entryId
    readonly property bool hasFacts: facts.isImage
    // Folded, the text read from the picture shows this many lines.
    readonly property int foldedLines: 10
    property bool textOpen: false
    visible: facts.isImage
    spacing: 10

    ImageFacts {
        id: facts
        controller: root.controller
        onEntryIdChanged: root.textOpen = false
    }

    FontMetrics { id: small; font.pixelSize: TextScale.small }
    readonly property real nameWidth: Math.ceil(Math.max(small.advanceWidth(qsTr("Camera")), small.advanceWidth(qsTr("Taken")),
                                                         small.advanceWidth(qsTr("Size")))) + 12

    // The location, first: it leaves with the picture, so it is said plainly.
    Frame {
        objectName: "locationNote"
        visible: facts.hasLocation
        width: root.width
        background: Rectangle { radius: 4; color: Material.color(Material.Amber, Material.Shade100) }
        Label {
            textFormat: Text.PlainText
            text: facts.locationNote
            color: "#5d4037"
            wrapMode: Text.Wrap
            width: parent.width
        }
    }

    component Fact: Row {
        id: fact
        property string name
        property string value
        property real nameWidth
        visible: value.length > 0
        spacing: 8
        Accessible.role: Accessible.StaticText
        Accessible.name: qsTr("%1: %2").arg(name).arg(value)
        Label {
            textFormat: Text.PlainText
            text: fact.name
            width: fact.nameWidth
            font.pixelSize: TextScale.small
            opacity: 0.7
            topPadding: 1
        }
        Label {
            textFormat: Text.PlainText
            text: fact.value
            width: fact.width - fact.nameWidth - fact.spacing
            wrapMode: Text.Wrap
        }
    }
    Fact { name: qsTr("Camera"); value: facts.camera; width: root.width; nameWidth: root.nameWidth }
    Fact { name: qsTr("Taken"); value: facts.takenAt; width: root.width; nameWidth: root.nameWidth }
    Fact { name: qsTr("Size"); value: facts.size; width: root.width; nameWidth: root.nameWidth }
    Label {
        visible: facts.timeSource.length > 0
        textFormat: Text.PlainText
        text: qsTr("Its time on the timeline: %1").arg(facts.timeSource)
        font.pixelSize: TextScale.small
        opacity: 0.8
        wrapMode: Text.Wrap
        width: root.width
    }

    Column {
        visible: facts.recognizedText.length > 0
        width: root.width
        spacing: 4
        Label {
            textFormat: Text.PlainText
            text: qsTr("Text read from the picture")
            font.pixelSize: TextScale.small
            font.weight: Font.DemiBold
            width: parent.width
            wrapMode: Text.WordWrap
        }
        Item {
            id: textBox
            readonly property bool folds: recognized.lineCount > root.foldedLines
            width: parent.width
            height: folds && !root.textOpen ? recognized.lineHeight * root.foldedLines : recognized.implicitHeight
            clip: true
            TextEdit {
                id: recognized
                readonly property real lineHeight: lineCount > 0 ? implicitHeight / lineCount : font.pixelSize * 1.4
                objectName: "recognizedText"
                textFormat: TextEdit.PlainText
                text: facts.recognizedText
                readOnly: true
                selectByMouse: true
                wrapMode: TextEdit.Wrap
                color: Material.foreground
                width: parent.width
                Accessible.role: Accessible.EditableText
                Accessible.name: qsTr("Text read from the picture")
            }
        }
        Button {
            visible: textBox.folds
            flat: true
            text: root.textOpen ? qsTr("Show less") : qsTr("Show all %1 lines").arg(recognized.lineCount)
            Accessible.name: root.textOpen ? qsTr("Fold the text read from the picture")
                                           : qsTr("Show all the text read from the picture")
            onClicked: root.textOpen = !root.textOpen
        }
    }

    Repeater {
        model: facts.importNotes
        delegate: Label {
            required property string modelData
            textFormat: Text.PlainText
            text: modelData
            font.pixelSize: TextScale.small
            opacity: 0.8
            wrapMode: Text.Wrap
            width: root.width
        }
    }
}
