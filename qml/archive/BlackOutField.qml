import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import PaperTrail

// Names or phrases to black out of this copy only (issue 11), one a line: for a copy shared with
// a union representative or a colleague. The core blacks them out of every exported entry's
// revisions; the journal keeps its text. Boxes dragged over a screenshot are blacked out of a new
// PNG of it in this copy (AreaRedactor).
ColumnLayout {
    id: blackOut
    required property ExportController exporter
    spacing: 8

    Label {
        textFormat: Text.PlainText
        text: qsTr("Black out for this copy (optional)")
        font.weight: Font.DemiBold
        font.pixelSize: TextScale.subtitle
        wrapMode: Text.WordWrap
        Layout.fillWidth: true
        Layout.topMargin: 8
    }
    Label {
        textFormat: Text.PlainText
        text: qsTr("Each name or phrase you list, one a line, is blacked out wherever it appears, in any case, in every exported entry's text and history in this copy only; your journal itself is not changed.")
        wrapMode: Text.WordWrap
        Layout.fillWidth: true
    }
    FormTextArea {
        objectName: "blackOutPhrases"
        text: blackOut.exporter.blackOutText
        placeholderText: qsTr("e.g. Dana Smith")
        inputMethodHints: Qt.ImhNoPredictiveText
        Accessible.name: qsTr("Names or phrases to black out")
        Layout.fillWidth: true
        onTextChanged: blackOut.exporter.blackOutText = text
    }
    Label {
        objectName: "blackOutSummary"
        textFormat: Text.PlainText
        text: blackOut.exporter.blackOutPhrases.length === 0
              ? qsTr("Nothing is blacked out. Attached files are always copied as they are.")
              : qsTr("Names or phrases to black out: %1. Attached files are copied as they are.")
                .arg(blackOut.exporter.blackOutPhrases.length)
        font.pixelSize: TextScale.small
        opacity: 0.8
        wrapMode: Text.WordWrap
        Layout.fillWidth: true
    }
    WrappingButton {
        visible: blackOut.exporter.screenshots.length > 0
        text: qsTr("Black out part of a screenshot\u2026")
        Accessible.name: qsTr("Black out part of a screenshot")
        Layout.fillWidth: true
        onClicked: picker.open()
    }
    Label {
        objectName: "areaSummary"
        visible: blackOut.exporter.areaCount > 0
        textFormat: Text.PlainText
        text: qsTr("Boxes to black out of screenshots: %1. The archive gets new PNG copies of them with those parts black.")
              .arg(blackOut.exporter.areaCount)
        font.pixelSize: TextScale.small
        opacity: 0.8
        wrapMode: Text.WordWrap
        Layout.fillWidth: true
    }

    ScreenshotPicker {
        id: picker
        exporter: blackOut.exporter
        onChosen: (shot) => redactor.show(shot)
    }
    AreaRedactor {
        id: redactor
        exporter: blackOut.exporter
    }
}
