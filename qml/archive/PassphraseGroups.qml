import QtQuick
import QtQuick.Controls
import PaperTrail

// A generated passphrase ("k7mq-2xpr-9dwh-c4tn-v8bs-3fja") in a large fixed-width font, group by
// group, so it can be read out over the phone; on a narrow screen or with large text the groups
// wrap between them, never inside one. The dashes are part of it and stay shown.
Flow {
    id: flow
    property string passphrase: ""
    readonly property var groups: passphrase.length > 0 ? passphrase.split("-") : []
    spacing: 0
    Accessible.role: Accessible.StaticText
    // Spelled out, so a screen reader reads characters, not words.
    Accessible.name: qsTr("Passphrase: %1").arg(groups.map(g => g.split("").join(" ")).join(", dash, "))

    Repeater {
        model: flow.groups
        delegate: Label {
            required property int index
            required property string modelData
            objectName: "passphraseGroup"
            textFormat: Text.PlainText
            text: modelData + (index < flow.groups.length - 1 ? "-" : "")
            font.family: "monospace"
            font.pixelSize: TextScale.headline
        }
    }
}
