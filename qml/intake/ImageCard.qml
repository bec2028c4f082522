import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import QtQuick.Layouts
import PaperTrail

// One screenshot or photo of the pick list: its tick and preview (decoded in memory), what it is,
// the time it will be placed at and where that came from (changeable), its camera, a warning
// when it carries the place it was taken, and why it cannot be imported when it cannot.
Pane {
    id: card
    required property int index
    required property string name
    required property var preview
    required property string sizeText
    required property string kindLabel
    required property date occurredAt
    required property string timeSource
    required property bool timeEntered
    required property string camera
    required property bool hasLocation
    required property string location
    required property string problem
    required property string notes
    required property bool held
    required property bool chosen
    required property bool choosable
    required property ImagePickModel images

    readonly property bool hasTime: !isNaN(occurredAt.getTime())
    Material.elevation: 1
    padding: 12

    ColumnLayout {
        width: card.availableWidth
        spacing: 6

        RowLayout {
            spacing: 10
            Layout.fillWidth: true
            CheckBox {
                checked: card.chosen
                enabled: card.choosable
                Accessible.name: qsTr("Bring in %1").arg(card.name)
                onToggled: card.images.setChosen(card.index, checked)
                Layout.alignment: Qt.AlignTop
            }
            IntakePreview {
                objectName: "intakePreview"
                image: card.preview
                visible: imageSize.width > 0
                Layout.preferredWidth: Math.round(96 * TextScale.factor)
                Layout.preferredHeight: Math.round(128 * TextScale.factor)
                Layout.alignment: Qt.AlignTop
                Accessible.role: Accessible.Graphic
                Accessible.name: qsTr("Preview of %1").arg(card.name)
            }
            ColumnLayout {
                spacing: 2
                Layout.fillWidth: true
                Layout.alignment: Qt.AlignTop
                Label {
                    textFormat: Text.PlainText
                    text: card.name
                    font.weight: Font.DemiBold
                    wrapMode: Text.WrapAtWordBoundaryOrAnywhere
                    maximumLineCount: 3
                    elide: Text.ElideRight
                    Layout.fillWidth: true
                }
                Label {
                    textFormat: Text.PlainText
                    text: card.kindLabel.length > 0 ? card.kindLabel + " \u00b7 " + card.sizeText : card.sizeText
                    font.pixelSize: TextScale.caption
                    opacity: 0.7
                    wrapMode: Text.WordWrap
                    Layout.fillWidth: true
                }
                Label {
                    textFormat: Text.PlainText
                    visible: card.camera.length > 0
                    text: qsTr("Camera: %1").arg(card.camera)
                    font.pixelSize: TextScale.caption
                    opacity: 0.7
                    wrapMode: Text.WordWrap
                    Layout.fillWidth: true
                }
                Label {
                    textFormat: Text.PlainText
                    visible: card.held
                    text: qsTr("Already in the journal")
                    font.pixelSize: TextScale.caption
                    color: Material.accentColor
                    Layout.fillWidth: true
                }
            }
        }

        // When it happened: the suggestion, or the person's own time.
        ColumnLayout {
            visible: card.problem.length === 0 && !card.held
            spacing: 0
            Layout.fillWidth: true
            Label {
                textFormat: Text.PlainText
                text: card.hasTime ? qsTr("When it happened (%1):").arg(card.timeSource)
                                   : qsTr("When it happened: %1. Set it below if you know it.").arg(card.timeSource)
                font.pixelSize: TextScale.caption
                wrapMode: Text.WordWrap
                opacity: 0.8
                Layout.fillWidth: true
            }
            Flow {
                Layout.fillWidth: true
                DateTimeField {
                    value: card.hasTime ? card.occurredAt : new Date()
                    onEdited: (value) => card.images.setOccurredAt(card.index, value)
                }
                Button {
                    flat: true
                    visible: card.timeEntered
                    text: qsTr("Use the suggestion")
                    Accessible.name: qsTr("Use the suggested time for %1").arg(card.name)
                    onClicked: card.images.resetOccurredAt(card.index)
                }
            }
        }

        Label {
            textFormat: Text.PlainText
            visible: card.hasLocation
            text: qsTr("This photo carries the place it was taken (GPS %1). It is kept inside the encrypted journal; an export for a lawyer shares it unless you leave the photo out.").arg(card.location)
            color: Material.color(Material.Orange, Material.Shade800)
            wrapMode: Text.WordWrap
            Layout.fillWidth: true
        }
        Label {
            textFormat: Text.PlainText
            visible: card.problem.length > 0
            text: qsTr("Cannot be imported: %1").arg(card.problem)
            color: Material.color(Material.Red)
            wrapMode: Text.WordWrap
            Accessible.name: text
            Layout.fillWidth: true
        }
        Label {
            textFormat: Text.PlainText
            visible: card.notes.length > 0
            text: card.notes
            font.pixelSize: TextScale.caption
            opacity: 0.7
            wrapMode: Text.WordWrap
            Layout.fillWidth: true
        }
    }
}
